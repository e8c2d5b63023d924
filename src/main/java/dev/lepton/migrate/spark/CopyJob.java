package dev.lepton.migrate.spark;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.TargetConflictException;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.copy.CopyContext;
import dev.lepton.migrate.copy.CopyTaskRunner;
import dev.lepton.migrate.copy.FileCopier;
import dev.lepton.migrate.copy.VerifyMode;
import dev.lepton.migrate.plan.CopyTask;
import dev.lepton.migrate.plan.DeltaLogOrder;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ConsoleProgress;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.RunIds;
import dev.lepton.migrate.report.RunSummary;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.report.Units;
import dev.lepton.migrate.sizing.RunThrottling;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.PartSizing;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code copy} command: plan, copy data files, then Delta log files table by table in commit
 * order, then record every file's row in the manifest and the run in the history.
 *
 * <p>Order on the target: a table's log files are copied only after all of its data files were
 * copied or found present, so a reader of the target never meets a commit whose files are missing.
 * A table with a failed data file keeps its old log, and its new log files are reported failed.
 */
public final class CopyJob {
  private static final Logger LOG = LoggerFactory.getLogger(CopyJob.class);

  private final SparkSession spark;
  private final MigrationConfig config;
  private final PrintStream console;
  private final RunLayout layout;
  private final HadoopConf conf;
  private final String runId = RunIds.next();
  private final PhaseTimer timer = new PhaseTimer();
  private final List<String> notes = new ArrayList<>();
  private final TaskExecution execution;
  private final RunFolders folders;
  private final LongAccumulator throttledAccumulator;

  public CopyJob(SparkSession spark, MigrationConfig config, PrintStream console) {
    this.spark = spark;
    this.config = config;
    this.console = console;
    this.layout = RunLayout.of(config);
    this.conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    this.execution = new TaskExecution(layout, conf,
        new CopyContext(runId, layout.source(), layout.target(), layout.staging(runId), config.copy()));
    this.folders = new RunFolders(layout, conf.get());
    this.throttledAccumulator = spark.sparkContext().longAccumulator("lepton.copy.throttled");
    execution.governThrottling(executorSlots(), throttledAccumulator);
  }

  /** Returns how many tasks an executor runs at once, the most copies it runs in parallel. */
  private int executorSlots() {
    org.apache.spark.SparkConf sparkConf = spark.sparkContext().getConf();
    if (sparkConf.contains("spark.executor.cores")) {
      return Math.max(1, sparkConf.getInt("spark.executor.cores", 1) / Math.max(1, sparkConf.getInt("spark.task.cpus", 1)));
    }
    return Math.max(1, spark.sparkContext().defaultParallelism());
  }

  public RunSummary run() {
    Instant started = Instant.now();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Roots.requireSource(layout, conf, config, "copy from");
    prepareTarget();
    ManifestStore manifest = new ManifestStore(spark, layout.stateDir());
    // NOTE: two copies into one target at the same time are not supported. The second would fold
    // the first one's task results and delete its staging files.
    timer.time("recover", () -> {
      PendingRows.foldStale(spark, manifest, layout.stateDir(), Set.of());
      folders.removeStaleStaging(Set.of());
    });

    long planStarted = System.nanoTime();
    PlanResult plan = new CopyPlanner(spark, conf, config, layout).plan();
    timer.record("plan", planStarted);
    console.println(PlanPrinter.describe(plan.totals()));
    if (plan.nameProblems().count() > 0) {
      throw plan.nameProblems().failure(layout.target());
    }
    if (!plan.conflictSamples().isEmpty()) {
      throw conflict(plan);
    }
    addNotes();
    java.util.concurrent.CompletableFuture<Void> manifestReady = prepareManifest(manifest);

    try (ProgressTracker tracker = new ProgressTracker(spark.sparkContext(), "lepton.copy");
        ConsoleProgress progress = new ConsoleProgress("Copy", plan.totals().filesToProcess(),
            plan.totals().bytesToProcess(), tracker::filesDone, tracker::bytesDone, System.err,
            config.progressInterval())) {
      int dataTaskCount = timer.timeValue("copy data", () -> copyData(jsc, plan, tracker));
      timer.time("copy logs", () -> copyLogs(jsc, plan, tracker, dataTaskCount));
    }
    long emptyFolders = timer.timeValue("empty folders", () -> EmptyFolders.recreate(jsc, conf, config, layout));
    if (emptyFolders > 0) {
      notes.add(emptyFolders == 1
          ? "1 empty folder of the source exists on the target too"
          : emptyFolders + " empty folders of the source exist on the target too");
    }
    if (throttledAccumulator.value() > 0) {
      notes.add("the store throttled " + Units.count(throttledAccumulator.value(), "request", "requests")
          + "; the connectors retried each one, and the job lowered its copy concurrency while throttling lasted");
    }
    manifestReady.join();

    RunSummary summary = record(manifest, plan, started);
    PendingRows.delete(spark, execution.pendingFolder());
    folders.cleanUp(runId);
    return summary;
  }

  /**
   * Records the run. The rows of unchanged files are made on the driver and appended without Spark
   * when there are at most {@value RunRecorder#MAX_DRIVER_ROWS}, as on a rerun of a small lake, and
   * by Spark tasks otherwise.
   */
  private RunSummary record(ManifestStore manifest, PlanResult plan, Instant started) {
    RunRecorder recorder = new RunRecorder(spark, layout, runId, config);
    if (plan.totals().files(FileAction.SKIP) > RunRecorder.MAX_DRIVER_ROWS) {
      return recorder.record(manifest, RunRecorder.skippedRows(spark, plan, runId), started, timer.phases(), notes,
          "copy", ExitCode.SUCCESS, reportExtra());
    }
    try {
      return recorder.recordSmall(manifest, RunRecorder.skippedRowList(plan, runId), started, timer.phases(), notes,
          "copy", ExitCode.SUCCESS, reportExtra());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot record copy run " + runId + " in " + layout.stateDir() + ": "
          + e.getMessage() + ". Its task results stay in the state folder; the next run records them.", e);
    }
  }

  /** Returns the entries of the JSON report beyond the run summary, such as the throttled requests {@code size} reads. */
  private Map<String, Object> reportExtra() {
    return Map.of(RunThrottling.FIELD, throttledAccumulator.value());
  }

  private void prepareTarget() {
    if (layout.target().kind() != dev.lepton.migrate.store.StoreKind.WASB) {
      return;
    }
    try {
      Stores.targetFileSystem(layout.target(), conf.get()).mkdirs(layout.target().path());
    } catch (java.io.IOException e) {
      throw new InvalidInputException("Cannot create the target folder " + layout.target() + ": " + e.getMessage()
          + ". Check the container name, the connector settings and the credentials.", e);
    }
  }

  /** Creates the manifest table on a background thread while the copy runs. */
  private java.util.concurrent.CompletableFuture<Void> prepareManifest(ManifestStore manifest) {
    java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lepton-manifest-init");
      t.setDaemon(true);
      return t;
    });
    java.util.concurrent.CompletableFuture<Void> ready =
        java.util.concurrent.CompletableFuture.runAsync(manifest::createIfMissing, thread);
    thread.shutdown();
    return ready;
  }

  private TargetConflictException conflict(PlanResult plan) {
    StringBuilder samples = new StringBuilder();
    for (PlannedFile file : plan.conflictSamples()) {
      samples.append("\n  ").append(file.relativePath()).append(": ").append(file.reason());
    }
    return new TargetConflictException(
        "Cannot copy to " + layout.target() + ": " + plan.totals().files(FileAction.CONFLICT)
            + " target files differ from the source and were not written by this job. Nothing was"
            + " copied. Choose an empty target, or set migration.copy.on-conflict = overwrite to"
            + " replace them. First files:" + samples);
  }

  private void addNotes() {
    if (config.copy().verify() == VerifyMode.NONE) {
      notes.add("files were not checked after the write (migration.copy.verify = none)");
    }
    if (config.copy().preserveModificationTime() && !layout.target().kind().modificationTimeSettable()) {
      notes.add("the target store (" + layout.target().scheme() + ") does not keep modification times;"
          + " target files carry the time of the copy");
    }
  }

  private int copyData(JavaSparkContext jsc, PlanResult plan, ProgressTracker tracker) {
    JavaRDD<PlannedFile> data = plan.files().filter(f -> isWork(f) && !DeltaLogOrder.isLogFile(f.relativePath()));
    long[] totals = data.aggregate(new long[3],
        (acc, f) -> new long[] {acc[0] + 1, acc[1] + f.source().size(), Math.max(acc[2], f.source().size())},
        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])});
    if (totals[0] == 0) {
      return 0;
    }
    sizeUploadParts(totals[2]);
    TaskPlanning.DataTasks tasks =
        TaskPlanning.dataTasks(data, totals[0], totals[1], config.plan(), jsc.defaultParallelism());
    LOG.info("Copying {} data files ({}) in {} tasks of about {} each", totals[0], Units.bytes(totals[1]),
        tasks.count(), Units.bytes(tasks.targetWeight()));
    jsc.setJobGroup("lepton-copy-data", "Copy " + totals[0] + " data files in " + tasks.count() + " tasks", false);
    execution.execute(tasks.tasks(), "data", tracker);
    return tasks.count();
  }

  private void copyLogs(JavaSparkContext jsc, PlanResult plan, ProgressTracker tracker, int firstTaskId) {
    List<PlannedFile> logFiles =
        plan.files().filter(f -> isWork(f) && DeltaLogOrder.isLogFile(f.relativePath())).collect();
    if (logFiles.isEmpty()) {
      return;
    }
    Set<String> blockedTables = tablesWithFailedData(logFiles);
    List<PlannedFile> eligible = new ArrayList<>();
    List<ManifestRow> blocked = new ArrayList<>();
    for (PlannedFile file : logFiles) {
      String table = DeltaLogOrder.tableOf(file.relativePath());
      if (blockedTables.contains(table)) {
        blocked.add(blockedRow(file, table));
      } else {
        eligible.add(file);
      }
    }
    if (!blocked.isEmpty()) {
      execution.writeRows(blocked, "blocked-logs");
      tracker.filesAccumulator().add(blocked.size());
    }
    List<CopyTask> tasks = TaskPlanning.logTasks(eligible, firstTaskId);
    if (tasks.isEmpty()) {
      return;
    }
    LOG.info("Copying the logs of {} Delta tables in commit order", tasks.size());
    jsc.setJobGroup("lepton-copy-logs", "Copy Delta logs of " + tasks.size() + " tables in commit order", false);
    execution.execute(jsc.parallelize(tasks, tasks.size()), "log", tracker);
  }

  /**
   * Raises the target connector's part size where the largest file of the run would otherwise need
   * more parts than the store allows. Tasks then open their own file system instance, because cached
   * instances keep the part size they were created with.
   */
  private void sizeUploadParts(long largestFile) {
    Map<String, String> settings = PartSizing.settingsFor(layout.target().kind(), largestFile, conf.get());
    if (settings.isEmpty()) {
      return;
    }
    execution.useTargetSettings(settings);
    LOG.info("Upload part settings {} chosen for the largest file of {} bytes", settings, largestFile);
  }

  static boolean isWork(PlannedFile file) {
    return file.action() == FileAction.COPY || file.action() == FileAction.ADOPT
        || file.action() == FileAction.RECHECK;
  }

  /**
   * Finds the tables, among those with log files to copy, that have a file not copied in this run.
   * The failed rows stay distributed: only the distinct table roots reach the driver.
   */
  private Set<String> tablesWithFailedData(List<PlannedFile> logFiles) {
    Set<String> tables = new TreeSet<>();
    logFiles.forEach(f -> tables.add(DeltaLogOrder.tableOf(f.relativePath())));
    List<String> roots = List.copyOf(tables);
    List<String> blocked = PendingRows.read(spark, List.of(execution.pendingFolder()))
        .filter("status NOT IN ('copied', 'adopted')")
        .select("path")
        .as(org.apache.spark.sql.Encoders.STRING())
        .javaRDD()
        .flatMap(path -> roots.stream()
            .filter(table -> table.isEmpty() || path.startsWith(table + "/"))
            .iterator())
        .distinct()
        .collect();
    return new TreeSet<>(blocked);
  }

  private ManifestRow blockedRow(PlannedFile file, String table) {
    return new ManifestRow(runId, file.relativePath(), file.source().size(), file.source().modificationTime(),
        file.source().etag(), null, null, null, "none", ManifestRow.FAILED, "none", 0, 0, 0,
        "not copied: data files of table '" + (table.isEmpty() ? "." : table) + "' failed in this run,"
            + " so its new commits would point at missing files", System.currentTimeMillis());
  }

  public String runId() {
    return runId;
  }

  static ExitCode outcome(long failed, long conflicts) {
    ExitCode code = ExitCode.SUCCESS;
    if (failed > 0) {
      code = code.max(ExitCode.FAILED);
    }
    if (conflicts > 0) {
      code = code.max(ExitCode.TARGET_CONFLICT);
    }
    return code;
  }
}
