package dev.lepton.migrate.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.config.SizeSettings;
import dev.lepton.migrate.copy.VerifyMode;
import dev.lepton.migrate.sizing.ManifestSample;
import dev.lepton.migrate.sizing.RunThrottling;
import dev.lepton.migrate.sizing.SampleWarnings;
import dev.lepton.migrate.sizing.SizeReport;
import dev.lepton.migrate.sizing.Sizing;
import dev.lepton.migrate.sizing.ThroughputModel;
import dev.lepton.migrate.sizing.Workload;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The {@code size} command: fits a throughput model to the copies recorded in a target's state
 * folder and recommends clusters for a workload. It reads the state folder only, and starts no
 * SparkSession.
 */
final class SizeCommand {
  private SizeCommand() {}

  static ExitCode run(Arguments arguments, PrintStream out) {
    MigrationConfig config = Commands.load(arguments, Set.of("migration.target"));
    Workload workload = workload(arguments.commandOptions());
    Set<String> runIds = runIds(arguments.commandOptions().get("--run"));
    SizeSettings settings = config.size();

    Location target = Location.parse(config.requireTarget(), config.keyWithOrigin("migration.target"));
    Location stateDir = RunLayout.stateDirOf(target, config.stateDir());
    Configuration conf = hadoopConf(config, arguments);
    FileSystem fs = Stores.fileSystem(stateDir, conf);
    String hint = "Copy a sample of at least " + settings.minSamples() + " files of typical sizes first: "
        + "bin/lepton-migrate copy --source SAMPLE_SOURCE --target " + config.requireTarget() + "."
        + (runIds.isEmpty() ? "" : " --run limited the sample to " + String.join(", ", runIds)
            + "; leave it out to use every run.");

    ManifestSample.Sample sample = ManifestSample.read(fs, conf, stateDir, runIds, hint);
    List<String> sampledRuns = List.copyOf(sample.sampledByRun().keySet());
    ThroughputModel model = sample.fit().fit(settings.minSamples(), sampledRuns, hint);
    int readsPerByte = config.copy().verify() == VerifyMode.CHECKSUM ? 2 : 1;
    Sizing.Plan plan = Sizing.plan(model, workload, settings, readsPerByte);

    Map<String, OptionalLong> throttled = new LinkedHashMap<>();
    for (String runId : sampledRuns) {
      throttled.put(runId, RunThrottling.throttledRequests(fs, stateDir, runId));
    }
    List<String> warnings = new ArrayList<>();
    SampleWarnings.leftOut(sample).ifPresent(warnings::add);
    warnings.addAll(SampleWarnings.of(plan, throttled));
    out.print(SizeReport.render(plan, settings.utilisation(), readsPerByte, warnings));
    return ExitCode.SUCCESS;
  }

  /** Reads the workload from {@code --volume}, {@code --window} and one of {@code --files} and {@code --avg-file-size}. */
  static Workload workload(Map<String, String> options) {
    long volume = bytes(options, "--volume");
    Duration window = window(options);
    boolean hasFiles = options.containsKey("--files");
    if (hasFiles == options.containsKey("--avg-file-size")) {
      throw new InvalidInputException("Cannot size the migration: give exactly one of --files (the number of files"
          + " to copy) and --avg-file-size (their mean size), "
          + (hasFiles ? "not both." : "and neither was given. Example: --files 4000000."));
    }
    long files = hasFiles ? fileCount(options.get("--files")) : (volume + bytes(options, "--avg-file-size") - 1)
        / bytes(options, "--avg-file-size");
    return new Workload(volume, files, window);
  }

  private static long bytes(Map<String, String> options, String option) {
    String raw = required(options, option, "120TiB");
    if (raw.trim().startsWith("-")) {
      throw new InvalidInputException("Cannot size the migration: " + option + " " + raw + " must be above 0 bytes.");
    }
    long value;
    try {
      value = ConfigFactory.empty().withValue("v", ConfigValueFactory.fromAnyRef(raw.trim())).getBytes("v");
    } catch (ConfigException e) {
      throw new InvalidInputException("Cannot size the migration: " + option + " " + raw + " is not a size."
          + " Write a number with a unit, such as 120TiB, 500GiB or 2TB (TB = 10^12 bytes, TiB = 2^40).", e);
    }
    if (value <= 0) {
      throw new InvalidInputException("Cannot size the migration: " + option + " " + raw + " must be above 0 bytes.");
    }
    return value;
  }

  private static Duration window(Map<String, String> options) {
    String raw = required(options, "--window", "8h");
    Duration value;
    try {
      value = ConfigFactory.empty().withValue("v", ConfigValueFactory.fromAnyRef(raw.trim())).getDuration("v");
    } catch (ConfigException e) {
      throw new InvalidInputException("Cannot size the migration: --window " + raw + " is not a duration."
          + " Write a number with a unit, such as 8h, 90m, 2d or \"36 hours\".", e);
    }
    if (value.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidInputException("Cannot size the migration: --window " + raw + " must be at least 1 minute.");
    }
    return value;
  }

  private static long fileCount(String raw) {
    String digits = raw.trim().replace(",", "").replace("_", "");
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Cannot size the migration: --files " + raw + " is not a whole number."
          + " Write the number of files to copy, such as 4000000 or 4,000,000.", e);
    }
    if (value <= 0) {
      throw new InvalidInputException("Cannot size the migration: --files " + raw + " must be above 0.");
    }
    return value;
  }

  private static String required(Map<String, String> options, String option, String example) {
    String raw = options.get(option);
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("Cannot size the migration: " + option + " is missing. Give it, for example "
          + option + " " + example + "; run size --help.");
    }
    return raw;
  }

  private static Set<String> runIds(String option) {
    if (option == null) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
    if (ids.isEmpty()) {
      throw new InvalidInputException("Cannot size the migration: --run '" + option + "' names no run id."
          + " Give run ids separated by commas, as printed by copy and stored in STATE/reports.");
    }
    return ids;
  }

  /**
   * Returns the Hadoop settings a Spark command would give its session: those of
   * {@code migration.stores}, then {@code --conf spark.hadoop.KEY} values, which win.
   */
  private static Configuration hadoopConf(MigrationConfig config, Arguments arguments) {
    Configuration conf = new Configuration();
    config.stores().hadoopSettings().forEach(conf::set);
    arguments.confs().forEach((key, value) -> {
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), value);
      }
    });
    return conf;
  }
}
