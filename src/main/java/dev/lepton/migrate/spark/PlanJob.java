package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.Units;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.RunLayout;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The {@code plan} command: the diff a copy would act on, with an estimated duration. Writes nothing. */
public final class PlanJob {
  private final SparkSession spark;
  private final MigrationConfig config;
  private final RunLayout layout;

  public PlanJob(SparkSession spark, MigrationConfig config) {
    this.spark = spark;
    this.config = config;
    this.layout = RunLayout.of(config);
  }

  public String describe() {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Roots.requireSource(layout, conf, config, "plan a copy from");
    PlanResult plan = new CopyPlanner(spark, conf, config, layout).plan();
    StringBuilder out = new StringBuilder(PlanPrinter.describe(plan.totals())).append('\n');
    out.append("  Planned in ").append(Units.duration(plan.planMillis())).append('\n');
    out.append("  Estimated copy time: ").append(estimate(plan.totals().bytesToProcess())).append('\n');
    for (PlannedFile file : plan.conflictSamples()) {
      out.append("  conflict: ").append(file.relativePath()).append(": ").append(file.reason()).append('\n');
    }
    if (plan.totals().files(FileAction.CONFLICT) > 0) {
      out.append("  A copy would stop with exit 3 unless migration.copy.on-conflict = overwrite.\n");
    }
    if (plan.nameProblems().count() > 0) {
      out.append("  ").append(plan.nameProblems().describe().replace("\n", "\n  ")).append('\n');
      out.append("  A copy would stop with exit 2 until migration.copy.rename gives them names that fit.\n");
    }
    return out.toString();
  }

  /** Estimates from the throughput of the latest earlier run that wrote bytes, if any. */
  private String estimate(long bytes) {
    if (bytes == 0) {
      return "none: nothing to copy";
    }
    dev.lepton.migrate.store.Location history = layout.stateDir().child("runs");
    if (!DeltaTables.exists(spark, history)) {
      return "unknown: no earlier run to measure throughput from";
    }
    org.apache.spark.sql.Dataset<Row> runs = spark.read().format("delta").load(history.toString());
    java.util.List<Row> latest = runs.filter("throughput_mb_s > 0").orderBy(runs.col("ended_at").desc())
        .select("throughput_mb_s").limit(1).collectAsList();
    if (latest.isEmpty()) {
      return "unknown: no earlier run to measure throughput from";
    }
    double mbPerSecond = latest.get(0).getDouble(0);
    long millis = (long) (bytes / 1e6 / mbPerSecond * 1000);
    return Units.duration(millis) + " at " + String.format(java.util.Locale.ROOT, "%.1f", mbPerSecond)
        + " MB/s, the throughput of the latest run";
  }
}
