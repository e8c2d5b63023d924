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
    boolean overwriteDiverged) {

  /** Command-specific options that are shorthands for a {@code --set}. */
  static final Map<String, String> SHORTHANDS = Map.of(
      "--scale-factor", "migration.generate.scale-factor",
      "--checksum", "migration.copy.checksum",
      "--verify", "migration.copy.verify",
      "--state-dir", "migration.state-dir");

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
        case "--set" -> putPair(sets, cursor.value(arg), arg);
        case "--conf" -> putPair(confs, cursor.value(arg), arg);
        default -> {
          if (SHORTHANDS.containsKey(arg)) {
            sets.put(SHORTHANDS.get(arg), cursor.value(arg));
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
        Optional.ofNullable(target), sets, confs, Optional.ofNullable(logLevel), help, overwriteDiverged);
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

  private static void putPair(Map<String, String> into, String pair, String option) {
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new InvalidInputException(
          "Cannot parse the command line: " + option + " '" + pair + "' is not of the form KEY=VALUE."
              + " Write, for example, " + option + " migration.copy.checksum=md5.");
    }
    into.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
  }
}
