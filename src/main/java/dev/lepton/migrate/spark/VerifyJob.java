package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.CopyTask;
import dev.lepton.migrate.plan.DeltaLogOrder;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.RunIds;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.verify.CheckStatus;
import dev.lepton.migrate.verify.FileCheck;
import dev.lepton.migrate.verify.FileVerifier;
import dev.lepton.migrate.verify.ReconciliationRow;
import dev.lepton.migrate.verify.VerifyReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code verify} command: re-reads every unchanged target file and compares its checksum with
 * the manifest, reports files the source changed or the target lost, marks corrupt or missing target
 * files {@code mismatch} in the manifest, and compares Delta row counts per table and partition.
 */
public final class VerifyJob {
  private static final int LISTED_FILES = 50;

  private final SparkSession spark;
  private final MigrationConfig config;
  private final RunLayout layout;
  private final HadoopConf conf;
  private final String runId = RunIds.next();

  public VerifyJob(SparkSession spark, MigrationConfig config) {
    this.spark = spark;
    this.config = config;
    this.layout = RunLayout.of(config);
    this.conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Runs the checks and records them. A missing source root is invalid input, and nothing is written
   * then. A missing target root makes every source file a mismatch. The results are then recorded
   * only when the state folder lies outside the target, so verify never creates the target.
   */
  public VerifyReport run() {
    Instant started = Instant.now();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Roots.requireSource(layout, conf, config, "verify a copy from");
    List<String> notes = new ArrayList<>();
    boolean record = checkTarget(notes);
    PlanResult plan = new CopyPlanner(spark, conf, config, layout).plan();

    jsc.setJobGroup("lepton-verify-files", "Re-read target files and compare checksums", false);
    JavaRDD<FileCheck> checks = checkFiles(jsc, plan);
    checks.persist(StorageLevel.MEMORY_AND_DISK());
    Map<CheckStatus, Long> fileCounts = new EnumMap<>(CheckStatus.class);
    checks.map(FileCheck::status).countByValue().forEach(fileCounts::put);
    List<FileCheck> problems = checks.filter(c -> c.status() != CheckStatus.MATCH).take(LISTED_FILES);
    if (record) {
      markMismatches(checks);
    }

    List<ReconciliationRow> rows = new ArrayList<>();
    rows.add(filesRow(fileCounts));
    if (config.verify().rowCounts()) {
      jsc.setJobGroup("lepton-verify-tables", "Compare Delta row counts per table and partition", false);
      rows.addAll(compareTables(plan));
    }
    if (record) {
      new ReconciliationStore(spark, layout.stateDir()).append(runId, rows);
    }
    checks.unpersist(false);
    return new VerifyReport(runId, layout.source().toString(), layout.target().toString(), started, Instant.now(),
        fileCounts, problems, rows, notes, config.verify().failOnUnverified());
  }

  /**
   * Adds a note when the target root is missing, and returns whether the results may be written to
   * the state folder: not when that folder lies in the missing target.
   */
  private boolean checkTarget(List<String> notes) {
    if (Roots.targetExists(layout, conf)) {
      return true;
    }
    notes.add("the target folder " + layout.target() + " does not exist, so every source file is missing there."
        + " Check " + config.keyWithOrigin("migration.target"));
    if (layout.stateDir().overlaps(layout.target())) {
      notes.add("nothing was recorded, because the state folder " + layout.stateDir() + " lies in the missing target");
      return false;
    }
    return true;
  }

  private JavaRDD<FileCheck> checkFiles(JavaSparkContext jsc, PlanResult plan) {
    JavaRDD<PlannedFile> files = plan.files();
    long count = plan.totals().totalFiles();
    if (count == 0) {
      return jsc.emptyRDD();
    }
    TaskPlanning.DataTasks tasks = TaskPlanning.dataTasks(
        files, count, plan.totals().totalBytes(), config.plan(), jsc.defaultParallelism());
    Location target = layout.target();
    HadoopConf taskConf = conf;
    int bufferSize = config.copy().bufferSize();
    return tasks.tasks().mapPartitions(it -> {
      FileSystem fs = Stores.fileSystem(target, taskConf.get());
      FileVerifier verifier = new FileVerifier(fs, target, bufferSize);
      List<FileCheck> results = new ArrayList<>();
      while (it.hasNext()) {
        CopyTask task = it.next();
        for (PlannedFile file : task.files()) {
          results.add(verifier.check(file));
        }
      }
      return results.iterator();
    });
  }

  /** Appends a {@code mismatch} row for each corrupt or missing target file, so the next copy redoes it. */
  private void markMismatches(JavaRDD<FileCheck> checks) {
    String id = runId;
    long now = System.currentTimeMillis();
    String algorithm = config.copy().checksum().configName();
    JavaRDD<ManifestRow> marks = checks.filter(FileCheck::markMismatch).map(c -> new ManifestRow(
        id, c.path(), -1, -1, null, algorithm, c.expected(), c.actual(), "none", ManifestRow.MISMATCH,
        "checksum", 0, 0, 0, c.reason(), now));
    if (!marks.isEmpty()) {
      new ManifestStore(spark, layout.stateDir()).append(marks);
    }
  }

  private static ReconciliationRow filesRow(Map<CheckStatus, Long> counts) {
    long match = counts.getOrDefault(CheckStatus.MATCH, 0L);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    CheckStatus status = counts.getOrDefault(CheckStatus.MISMATCH, 0L) > 0 ? CheckStatus.MISMATCH
        : counts.getOrDefault(CheckStatus.UNVERIFIED, 0L) > 0 ? CheckStatus.UNVERIFIED
        : CheckStatus.MATCH;
    String detail = match + " match, " + counts.getOrDefault(CheckStatus.MISMATCH, 0L) + " mismatch, "
        + counts.getOrDefault(CheckStatus.UNVERIFIED, 0L) + " unverified";
    if (status == CheckStatus.MATCH && total != match) {
      status = CheckStatus.UNVERIFIED;
    }
    return new ReconciliationRow("files", "", null, total, status == CheckStatus.MATCH ? total : match,
        null, null, status, detail);
  }

  private List<ReconciliationRow> compareTables(PlanResult plan) {
    List<String> tables = plan.files()
        .filter(f -> DeltaLogOrder.isLogFile(f.relativePath()))
        .map(f -> DeltaLogOrder.tableOf(f.relativePath()))
        .distinct()
        .collect();
    List<String> sorted = new ArrayList<>(tables);
    sorted.sort(null);
    TableCounts counts = new TableCounts(spark);
    List<ReconciliationRow> rows = new ArrayList<>();
    for (String table : sorted) {
      Location source = table.isEmpty() ? layout.source() : layout.source().child(table);
      Location target = table.isEmpty() ? layout.target() : layout.target().child(table);
      rows.addAll(counts.compare(table.isEmpty() ? "." : table, source, target));
    }
    return rows;
  }
}
