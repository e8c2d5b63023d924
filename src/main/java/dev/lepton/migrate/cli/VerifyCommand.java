package dev.lepton.migrate.cli;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.spark.VerifyJob;
import dev.lepton.migrate.verify.VerifyReport;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/** The {@code verify} command. */
final class VerifyCommand {
  private VerifyCommand() {}

  static ExitCode run(SparkSession spark, MigrationConfig config, PrintStream out) {
    VerifyReport report = new VerifyJob(spark, config).run();
    out.print(report.render());
    return report.outcome();
  }
}
