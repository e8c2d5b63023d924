package dev.lepton.migrate.cli;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.MigrationConfig;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/** The {@code verify} command. */
final class VerifyCommand {
  private VerifyCommand() {}

  static ExitCode run(SparkSession spark, MigrationConfig config, PrintStream out) {
    throw new UnsupportedOperationException("verify is being built");
  }
}
