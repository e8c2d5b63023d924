package dev.lepton.migrate.cli;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.MigrationConfig;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/** The {@code generate} command. */
final class GenerateCommand {
  private GenerateCommand() {}

  static ExitCode run(SparkSession spark, MigrationConfig config, PrintStream out) {
    throw new UnsupportedOperationException("generate is being built");
  }
}
