package dev.lepton.migrate.cli;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.config.ConfigLoader;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.copy.ChecksumAlgorithm;
import dev.lepton.migrate.deltalog.OverwriteConfirmation;
import dev.lepton.migrate.report.RunSummary;
import dev.lepton.migrate.report.StartupTimes;
import dev.lepton.migrate.report.SyncSummary;
import dev.lepton.migrate.report.SyncSummaryTable;
import dev.lepton.migrate.report.SummaryTable;
import dev.lepton.migrate.spark.CopyJob;
import dev.lepton.migrate.spark.PlanJob;
import dev.lepton.migrate.spark.SparkSessions;
import dev.lepton.migrate.spark.SyncJob;
import dev.lepton.migrate.store.RunLayout;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** The commands and what they share: loading the config and starting Spark. */
final class Commands {
  private static final Set<String> SOURCE_AND_TARGET = Set.of("migration.source", "migration.target");
  private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  private Commands() {}

  static LeptonMigrate.Command forName(String name) {
    return switch (name) {
      case "plan" -> Commands::plan;
      case "copy" -> Commands::copy;
      case "sync" -> Commands::sync;
      case "verify" -> Commands::verify;
      case "generate" -> Commands::generate;
      case "size" -> SizeCommand::run;
      default -> throw LeptonMigrate.unknownCommand(name);
    };
  }

  private static ExitCode plan(Arguments arguments, PrintStream out) {
    MigrationConfig config = load(arguments, SOURCE_AND_TARGET);
    SparkSession spark = session(arguments, config, "plan");
    out.println(new PlanJob(spark, config).describe());
    return ExitCode.SUCCESS;
  }

  private static ExitCode copy(Arguments arguments, PrintStream out) {
    MigrationConfig config = load(arguments, SOURCE_AND_TARGET);
    SparkSession spark = session(arguments, config, "copy");
    RunSummary summary = new CopyJob(spark, config, out).run();
    out.print(SummaryTable.render(summary));
    return summary.outcome();
  }

  private static ExitCode sync(Arguments arguments, PrintStream out) {
    MigrationConfig config = load(arguments, SOURCE_AND_TARGET);
    long jvmStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long sessionStarted = System.currentTimeMillis();
    SparkSession spark = session(arguments, config, "sync");
    long sessionReady = System.currentTimeMillis();
    StartupTimes startup = new StartupTimes(sessionStarted - jvmStarted, sessionReady - sessionStarted);
    OverwriteConfirmation confirmation =
        arguments.overwriteDiverged() ? OverwriteConfirmation.GIVEN : OverwriteConfirmation.NOT_GIVEN;
    SyncSummary summary = new SyncJob(spark, config, confirmation, startup).run();
    out.print(SyncSummaryTable.render(summary));
    return summary.outcome();
  }

  private static ExitCode verify(Arguments arguments, PrintStream out) {
    MigrationConfig config = load(arguments, SOURCE_AND_TARGET);
    SparkSession spark = session(arguments, config, "verify");
    return VerifyCommand.run(spark, config, out);
  }

  private static ExitCode generate(Arguments arguments, PrintStream out) {
    MigrationConfig config = load(arguments, Set.of("migration.target"));
    SparkSession spark = session(arguments, config, "generate");
    return GenerateCommand.run(spark, config, out);
  }

  /** Loads and checks the config, and for commands with source and target checks the roots too. */
  static MigrationConfig load(Arguments arguments, Set<String> required) {
    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(
        arguments.configFile(), arguments.source(), arguments.target(), arguments.sets(), required));
    if (required.containsAll(SOURCE_AND_TARGET)) {
      RunLayout.of(config);
    }
    return config;
  }

  /**
   * Sets the connector keys of {@code migration.stores} on the session's Hadoop configuration, which
   * the driver ships to every task. A key given with {@code --conf spark.hadoop.KEY} wins.
   */
  private static void applyStoreSettings(SparkSession spark, MigrationConfig config, Arguments arguments) {
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    config.stores().hadoopSettings().forEach((key, value) -> {
      if (!arguments.confs().containsKey("spark.hadoop." + key)) {
        hadoop.set(key, value);
      }
    });
    // The GCS connector reports object checksums only when asked for a type; match the job's.
    if (hadoop.get("fs.gs.checksum.type") == null) {
      hadoop.set("fs.gs.checksum.type", config.copy().checksum() == ChecksumAlgorithm.MD5 ? "MD5" : "CRC32C");
    }
  }

  static SparkSession session(Arguments arguments, MigrationConfig config, String command) {
    String level = arguments.logLevel().map(l -> l.toLowerCase(Locale.ROOT)).orElse(null);
    if (level != null && !LOG_LEVELS.contains(level)) {
      throw new InvalidInputException(
          "Cannot set log level '" + arguments.logLevel().get() + "': it is not a level. Use one of "
              + String.join(", ", LOG_LEVELS) + ".");
    }
    SparkSession spark = SparkSessions.getOrCreate("lepton-migrate " + command, arguments.confs());
    applyStoreSettings(spark, config, arguments);
    if (level != null) {
      spark.sparkContext().setLogLevel(level.toUpperCase(Locale.ROOT));
      org.apache.logging.log4j.core.config.Configurator.setLevel("dev.lepton.migrate",
          org.apache.logging.log4j.Level.valueOf(level));
    }
    return spark;
  }
}
