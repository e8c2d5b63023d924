package dev.lepton.migrate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.RunReportFile;
import dev.lepton.migrate.report.RunSummary;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a run. Appends this run's rows to the manifest in one Delta commit: the task result files,
 * plus rows made on the driver such as one per unchanged file of a copy. Then sums them up and
 * records the run in the history and as a JSON report.
 */
final class RunRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
  private static final int LISTED_FAILURES = 50;
  // About 100,000 rows; more are appended with Spark from the result files.
  private static final long MAX_DRIVER_RESULT_BYTES = 32L << 20;
  /** Rows made on the driver, such as the unchanged files of a copy, that a run appends without Spark. */
  static final long MAX_DRIVER_ROWS = 100_000;

  private final SparkSession spark;
  private final RunLayout layout;
  private final String runId;
  private final MigrationConfig config;

  RunRecorder(SparkSession spark, RunLayout layout, String runId, MigrationConfig config) {
    this.spark = spark;
    this.layout = layout;
    this.runId = runId;
    this.config = config;
  }

  /**
   * Appends this run's task results and {@code extraRows} to the manifest and records the run.
   * The totals come from this run's rows only, so recording costs what the run did, not what the
   * manifest holds.
   *
   * @param extraRows rows made on the driver in the manifest schema, such as unchanged files
   * @param tableOutcome the worst outcome of parts of the run that are not files, such as a locked
   *     table; {@link ExitCode#SUCCESS} when there are none
   * @param reportExtra entries added to the JSON report
   */
  RunSummary record(
      ManifestStore manifest, Dataset<Row> extraRows, Instant started, Map<String, Long> phases,
      List<String> notes, String command, ExitCode tableOutcome, Map<String, Object> reportExtra) {
    long recordStarted = System.nanoTime();
    org.apache.hadoop.fs.Path pending = TaskResultFile.pendingRoot(layout.stateDir()).child(runId).path();
    boolean hasPending = PendingRows.hasResults(pending, spark.sparkContext().hadoopConfiguration());
    Dataset<Row> rows = hasPending
        ? PendingRows.read(spark, List.of(pending)).unionByName(extraRows)
        : extraRows;
    spark.sparkContext().setJobDescription("Record manifest rows of run " + runId);
    manifest.append(rows);

    Map<String, RunSummary.StatusTotals> byStatus = new LinkedHashMap<>();
    for (Row total : rows.groupBy("status")
        .agg(count(lit(1)).as("files"), sum("size").as("bytes"), sum("bytes_copied").as("written"))
        .collectAsList()) {
      byStatus.put(total.getString(0),
          new RunSummary.StatusTotals(total.getLong(1), total.getLong(2), total.getLong(3)));
    }
    Dataset<Row> failedRows = rows.filter(col("status").isin(ManifestRow.FAILED, ManifestRow.CONFLICT));
    List<RunSummary.FailedFile> failures = new ArrayList<>();
    for (Row row : failedRows.select("path", "status", "reason").orderBy("path").limit(LISTED_FAILURES).collectAsList()) {
      failures.add(new RunSummary.FailedFile(row.getString(0), row.getString(1), row.getString(2)));
    }
    return finish(byStatus, failures, started, phases, notes, command, tableOutcome, reportExtra, recordStarted);
  }

  /**
   * Records the run as {@link #record} does, but reads this run's task results on the driver and
   * appends them to the manifest without Spark when they are at most {@value #MAX_DRIVER_RESULT_BYTES}
   * bytes of JSON, as after a sync of small changes. Larger results go through {@link #record}.
   */
  RunSummary recordSmall(
      ManifestStore manifest, Instant started, Map<String, Long> phases, List<String> notes, String command,
      ExitCode tableOutcome, Map<String, Object> reportExtra) throws IOException {
    return recordSmall(manifest, List.of(), started, phases, notes, command, tableOutcome, reportExtra);
  }

  /**
   * Records the run as {@link #recordSmall(ManifestStore, Instant, Map, List, String, ExitCode, Map)}
   * does, appending {@code extraRows}, at most {@value #MAX_DRIVER_ROWS} rows made on the driver, in
   * the same commit as the task results.
   */
  RunSummary recordSmall(
      ManifestStore manifest, List<ManifestRow> extraRows, Instant started, Map<String, Long> phases,
      List<String> notes, String command, ExitCode tableOutcome, Map<String, Object> reportExtra)
      throws IOException {
    long recordStarted = System.nanoTime();
    org.apache.hadoop.fs.Path pending = TaskResultFile.pendingRoot(layout.stateDir()).child(runId).path();
    org.apache.hadoop.fs.FileSystem fs = Stores.targetFileSystem(layout.stateDir(), spark.sparkContext().hadoopConfiguration());
    long bytes = 0;
    if (fs.exists(pending)) {
      for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(pending)) {
        bytes += status.getPath().getName().endsWith(".jsonl") ? status.getLen() : 0;
      }
    }
    if (bytes > MAX_DRIVER_RESULT_BYTES) {
      Dataset<Row> extra = spark.createDataFrame(extraRows.stream().map(ManifestStore::toRow).toList(),
          ManifestStore.SCHEMA);
      return record(manifest, extra, started, phases, notes, command, tableOutcome, reportExtra);
    }
    List<ManifestRow> rows = new ArrayList<>(bytes == 0 ? List.of() : TaskResultFile.readAll(fs, pending));
    rows.addAll(extraRows);
    manifest.appendOnDriver(rows);

    Map<String, RunSummary.StatusTotals> byStatus = new LinkedHashMap<>();
    for (ManifestRow row : rows) {
      byStatus.merge(row.status(), new RunSummary.StatusTotals(1, row.size(), row.bytesCopied()),
          RunSummary.StatusTotals::plus);
    }
    List<RunSummary.FailedFile> failures = rows.stream()
        .filter(r -> r.status().equals(ManifestRow.FAILED) || r.status().equals(ManifestRow.CONFLICT))
        .sorted(java.util.Comparator.comparing(ManifestRow::path))
        .limit(LISTED_FAILURES)
        .map(r -> new RunSummary.FailedFile(r.path(), r.status(), r.reason()))
        .toList();
    return finish(byStatus, failures, started, phases, notes, command, tableOutcome, reportExtra, recordStarted);
  }

  private RunSummary finish(
      Map<String, RunSummary.StatusTotals> byStatus, List<RunSummary.FailedFile> failures, Instant started,
      Map<String, Long> phases, List<String> notes, String command, ExitCode tableOutcome,
      Map<String, Object> reportExtra, long recordStarted) {
    long failed = byStatus.getOrDefault(ManifestRow.FAILED, RunSummary.StatusTotals.ZERO).files();
    long conflicts = byStatus.getOrDefault(ManifestRow.CONFLICT, RunSummary.StatusTotals.ZERO).files();
    phases.put("record", (System.nanoTime() - recordStarted) / 1_000_000);

    RunSummary summary = new RunSummary(runId, command, layout.source().toString(), layout.target().toString(),
        started, Instant.now(), phases, byStatus, failures, failed + conflicts,
        CopyJob.outcome(failed, conflicts).max(tableOutcome), config.digest(), notes);
    new RunHistoryStore(spark, layout.stateDir()).record(summary);
    try {
      RunReportFile.write(Stores.targetFileSystem(layout.stateDir(), spark.sparkContext().hadoopConfiguration()),
          layout.stateDir(), summary, reportExtra);
    } catch (IOException e) {
      LOG.warn("Cannot write the JSON report of run {} to {}: {}", runId, layout.stateDir(), e.getMessage());
    }
    LOG.info("Run {} recorded: {} files, outcome {}", runId, summary.totalFiles(), summary.outcome());
    return summary;
  }

  /**
   * Returns a row per unchanged file of {@code plan}, collected on the driver. Meant for plans with
   * at most {@value #MAX_DRIVER_ROWS} unchanged files.
   */
  static List<ManifestRow> skippedRowList(PlanResult plan, String runId) {
    long now = System.currentTimeMillis();
    String id = runId;
    return plan.files().filter(f -> f.action() == FileAction.SKIP).map(f -> skippedRow(f, id, now)).collect();
  }

  /** Returns a row per unchanged file of {@code plan}, in the manifest schema. */
  static Dataset<Row> skippedRows(SparkSession spark, PlanResult plan, String runId) {
    long now = System.currentTimeMillis();
    String id = runId;
    return spark.createDataFrame(
        plan.files().filter(f -> f.action() == FileAction.SKIP).map(f -> ManifestStore.toRow(skippedRow(f, id, now))),
        ManifestStore.SCHEMA);
  }

  /** Returns an empty Dataset in the manifest schema. */
  static Dataset<Row> noRows(SparkSession spark) {
    return spark.createDataFrame(new ArrayList<>(), ManifestStore.SCHEMA);
  }

  private static ManifestRow skippedRow(PlannedFile file, String runId, long now) {
    ManifestState previous = file.previous();
    return new ManifestRow(runId, file.relativePath(), file.source().size(), file.source().modificationTime(),
        file.source().etag(), previous.checksumAlgorithm(), previous.sourceChecksum(), previous.targetChecksum(),
        "none", ManifestRow.SKIPPED, previous.verifyLevel(), 0, 0, 0, "unchanged since run of the previous row", now);
  }
}
