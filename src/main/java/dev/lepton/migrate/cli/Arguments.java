package dev.lepton.migrate.cli;

import dev.lepton.migrate.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed command line: {@code COMMAND [--config FILE] [--source URI] [--target URI]
 * [--set KEY=VALUE]... [--conf KEY=VALUE]... [--log-level LEVEL] [command options]}.
 *
 * @param overwriteDiverged whether {@code --overwrite-diverged} confirmed that a sync may replace a
 *     target log that diverged from the source's
 * @param commandOptions options of one command that are not config keys, such as {@code --volume} of
 *     {@code size}, by option name
 */
record Arguments(
    String command,
    Optional<Path> configFile,
    Optional<String> source,
    Optional<String> target,
    Map<String, String> sets,
    Map<String, String> confs,
    Optional<String> logLevel,
    boolean help,
    boolean overwriteDiverged,
    Map<String, String> commandOptions) {

  /** Command-specific options that are shorthands for a {@code --set}. */
  static final Map<String, String> SHORTHANDS = Map.of(
      "--scale-factor", "migration.generate.scale-factor",
      "--checksum", "migration.copy.checksum",
      "--verify", "migration.copy.verify",
      "--state-dir", "migration.state-dir");

  /** Options of the {@code size} command, which describe the workload to size. */
  static final List<String> SIZE_OPTIONS = List.of("--volume", "--files", "--avg-file-size", "--window", "--run");

  /** Root of the job's own settings, which --set takes and --conf does not. */
  private static final String JOB_ROOT = "migration";

  static Arguments parse(String[] args) {
    String command = null;
    Path config = null;
    String source = null;
    String target = null;
    String logLevel = null;
    boolean help = false;
    boolean overwriteDiverged = false;
    Map<String, String> sets = new LinkedHashMap<>();
    Map<String, String> confs = new LinkedHashMap<>();
    Map<String, String> commandOptions = new LinkedHashMap<>();
    Cursor cursor = new Cursor(args);
    while (cursor.hasNext()) {
      String arg = cursor.next();
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--overwrite-diverged" -> overwriteDiverged = true;
        case "--config" -> config = Path.of(cursor.value(arg));
        case "--source" -> source = cursor.value(arg);
        case "--target" -> target = cursor.value(arg);
        case "--log-level" -> logLevel = cursor.value(arg);
        case "--set" -> putSet(sets, cursor.value(arg));
        case "--conf" -> putConf(confs, cursor.value(arg));
        default -> {
          if (SHORTHANDS.containsKey(arg)) {
            sets.put(SHORTHANDS.get(arg), cursor.value(arg));
          } else if (SIZE_OPTIONS.contains(arg)) {
            commandOptions.put(arg, cursor.value(arg));
          } else if (arg.startsWith("-")) {
            throw new InvalidInputException(
                "Cannot parse the command line: unknown option " + arg + ". Run with --help to list the options.");
          } else if (command == null) {
            command = arg;
          } else {
            throw new InvalidInputException(
                "Cannot parse the command line: unexpected argument '" + arg + "' after command " + command
                    + ". Options take the form --name value; run with --help.");
          }
        }
      }
    }
    return new Arguments(command, Optional.ofNullable(config), Optional.ofNullable(source),
        Optional.ofNullable(target), sets, confs, Optional.ofNullable(logLevel), help, overwriteDiverged,
        commandOptions);
  }

  /** Walks the arguments; {@code --name=value} is split into the option and a pending value. */
  private static final class Cursor {
    private final List<String> args;
    private int index;
    private String inlineValue;

    Cursor(String[] args) {
      this.args = new ArrayList<>(List.of(args));
    }

    boolean hasNext() {
      return index < args.size();
    }

    String next() {
      String arg = args.get(index++);
      inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        inlineValue = arg.substring(equals + 1);
        return arg.substring(0, equals);
      }
      return arg;
    }

    String value(String option) {
      if (inlineValue != null) {
        String value = inlineValue;
        inlineValue = null;
        return value;
      }
      if (index >= args.size() || args.get(index).startsWith("--")) {
        throw new InvalidInputException(
            "Cannot parse the command line: option " + option + " needs a value. Run with --help.");
      }
      return args.get(index++);
    }
  }

  private static void putSet(Map<String, String> sets, String pair) {
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new InvalidInputException("Cannot parse the command line: --set '" + pair + "' is not of the form"
          + " KEY=VALUE. Write, for example, --set migration.copy.checksum=md5.");
    }
    sets.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
  }

  /**
   * Adds one {@code --conf} pair after checking its key. Spark keys start with {@code spark.}, and
   * Hadoop keys take the {@code spark.hadoop.} prefix. A job setting or a bare Hadoop key fails here,
   * before the config is loaded or Spark starts.
   */
  private static void putConf(Map<String, String> confs, String pair) {
    int equals = pair.indexOf('=');
    String key = (equals < 0 ? pair : pair.substring(0, equals)).trim();
    if (key.equals(JOB_ROOT) || key.startsWith(JOB_ROOT + ".")) {
      String value = equals < 0 ? "VALUE" : pair.substring(equals + 1);
      throw new InvalidInputException("Cannot apply --conf " + key + ": keys under '" + JOB_ROOT + "' are job"
          + " settings, and --conf takes Spark and Hadoop settings. Write --set " + key + "=" + value + ".");
    }
    if (equals <= 0) {
      throw new InvalidInputException("Cannot parse the command line: --conf '" + pair + "' is not of the form"
          + " KEY=VALUE. Write, for example, --conf spark.executor.memory=8g for Spark, or --conf"
          + " spark.hadoop.fs.s3a.connection.maximum=200 for Hadoop.");
    }
    if (!key.startsWith("spark.")) {
      throw new InvalidInputException("Cannot apply --conf " + key + ": Spark settings start with 'spark.' and"
          + " Hadoop settings with 'spark.hadoop.'. Write --conf spark.hadoop." + key + "=... for a Hadoop key,"
          + " or --set " + JOB_ROOT + ".KEY=VALUE for a job setting.");
    }
    confs.put(key, pair.substring(equals + 1));
  }
}
