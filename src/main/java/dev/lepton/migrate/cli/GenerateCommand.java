package dev.lepton.migrate.cli;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.GenerateConfig;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.generate.GenerateSettings;
import dev.lepton.migrate.generate.GenerateSummary;
import dev.lepton.migrate.generate.SampleDataGenerator;
import dev.lepton.migrate.generate.TableSummary;
import dev.lepton.migrate.report.Units;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** The {@code generate} command: writes TPC-H Delta tables and raw files below the target. */
final class GenerateCommand {
  private GenerateCommand() {}

  static ExitCode run(SparkSession spark, MigrationConfig config, PrintStream out) {
    GenerateConfig g = config.generate();
    GenerateSettings settings =
        new GenerateSettings(g.scaleFactor(), g.tables(), g.rawFiles(), g.rawSize(), g.largeFileSize(), g.seed());
    String target = config.requireTarget();
    out.println("Generating TPC-H at scale factor " + g.scaleFactor() + " and raw files into " + target);
    GenerateSummary summary = SampleDataGenerator.generate(spark, target, settings);
    out.println(String.format(Locale.ROOT, "  %-12s %14s %12s  %s", "table", "rows", "size", "partitioned by"));
    for (TableSummary table : summary.tables()) {
      out.println(String.format(Locale.ROOT, "  %-12s %14s %12s  %s", table.name(), Units.count(table.rows()),
          Units.bytes(table.bytes()), table.partitionColumns().isEmpty() ? "-" : String.join(", ", table.partitionColumns())));
    }
    out.println("  raw files: " + Units.count(summary.rawFileCount(), "file", "files") + ", "
        + Units.bytes(summary.rawBytes()));
    out.println("  done in " + Units.duration(summary.elapsed().toMillis()));
    return ExitCode.SUCCESS;
  }
}
