package dev.lepton.migrate.spark;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.copy.CopyContext;
import dev.lepton.migrate.deltalog.BlindAppend;
import dev.lepton.migrate.deltalog.ConfiguredTables;
import dev.lepton.migrate.deltalog.DivergencePolicy;
import dev.lepton.migrate.deltalog.LeaseKeeper;
import dev.lepton.migrate.deltalog.LeaseStore;
import dev.lepton.migrate.deltalog.OverwriteConfirmation;
import dev.lepton.migrate.deltalog.SyncRun;
import dev.lepton.migrate.deltalog.TableDiscovery;
import dev.lepton.migrate.deltalog.TableSync;
import dev.lepton.migrate.deltalog.TableSyncResult;
import dev.lepton.migrate.report.FolderSyncResult;
import dev.lepton.migrate.report.RunIds;
import dev.lepton.migrate.report.RunSummary;
import dev.lepton.migrate.report.StartupTimes;
import dev.lepton.migrate.report.SyncSummary;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.store.TargetFolders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sync} command: finds the Delta tables below the source root and syncs each one by
 * replaying its log ({@link TableSync}), several at a time, while the folders that are not tables
 * sync by listing diff ({@link FolderSync}). One table failing does not stop the others; the run's
 * exit code is the worst of all parts. Manifest rows of every part go to the run's result files and
 * into the manifest at the end, with the run in the history, the tables in the sync history, and a
 * JSON report.
 */
public final class SyncJob {
  private static final Logger LOG = LoggerFactory.getLogger(SyncJob.class);
  private static final String TARGET_SETTING = "migration.target (or --target)";
  private static final String STATE_SETTING = "migration.state-dir (or --state-dir)";

  private final SparkSession spark;
  private final MigrationConfig config;
  private final OverwriteConfirmation confirmation;
  private final StartupTimes startup;
  private final RunLayout layout;
  private final HadoopConf conf;
  private final String runId = RunIds.next();
  private final PhaseTimer timer = new PhaseTimer();
  private final List<String> notes = new ArrayList<>();
  private final TaskExecution execution;
  private final RunFolders folders;

  public SyncJob(SparkSession spark, MigrationConfig config, OverwriteConfirmation confirmation, StartupTimes startup) {
    this.spark = spark;
    this.config = config;
    this.confirmation = confirmation;
    this.startup = startup;
    this.layout = RunLayout.of(config);
    this.conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    this.execution = new TaskExecution(layout, conf,
        new CopyContext(runId, layout.source(), layout.target(), layout.staging(runId), config.copy()));
    this.folders = new RunFolders(layout, conf.get());
  }

  /**
   * Runs the sync.
   *
   * @throws InvalidInputException before the first write when the source does not exist, the target
   *     or the state folder is a file or lies below one, or a configured table is not a Delta table
   */
  public SyncSummary run() {
    Instant started = Instant.now();
    checkConfirmation();
    Thread warmUp = new Thread(BlindAppend::warmUp, "lepton-parquet-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    long openStarted = System.nanoTime();
    FileSystem sourceFs = Stores.fileSystem(layout.source(), conf.get());
    FileSystem targetFs = Stores.targetFileSystem(layout.target(), conf.get());
    FileSystem stateFs = Stores.targetFileSystem(layout.stateDir(), conf.get());
    timer.record("open stores", openStarted);
    Roots.requireSource(layout, conf, config, "sync from");
    TargetFolders.requireFolderOrAbsent(targetFs, layout.target().path(), "sync to", TARGET_SETTING);
    TargetFolders.requireFolderOrAbsent(stateFs, layout.stateDir().path(), "use the state folder", STATE_SETTING);
    long discoverStarted = System.nanoTime();
    TableDiscovery.Discovered source = TableDiscovery.discover(
        sourceFs, layout.source(), layout.reservedFolders(), config.sync().discoveryMaxDepth());
    List<String> tables = selectTables(sourceFs, source.tables());
    TableDiscovery.Discovered target = TableDiscovery.discover(
        targetFs, layout.target(), layout.targetReservedFolders(), config.sync().discoveryMaxDepth());
    timer.record("discover", discoverStarted);
    LOG.info("Sync run {}: {} Delta tables to sync, folders outside them: {}", runId, tables.size(),
        source.otherContent() ? "present" : "none");

    // This is the run's first write, so every check that ends the run with exit 2 must come before it.
    TargetFolders.create(stateFs, layout.stateDir().path(), "create the state folder", STATE_SETTING);
    LeaseStore leases = new LeaseStore(stateFs, layout.stateDir(), Clock.systemUTC());
    ManifestStore manifest = new ManifestStore(spark, layout.stateDir());
    timer.time("recover", () -> {
      Set<String> live = Set.copyOf(leases.liveRunIds());
      PendingRows.foldStale(spark, manifest, layout.stateDir(), live);
      folders.removeStaleStaging(live);
    });

    List<TableSyncResult> results;
    FolderSyncResult files;
    long syncStarted = System.nanoTime();
    try (LeaseKeeper keeper = new LeaseKeeper(config.sync().leaseDuration());
        ProgressTracker tracker = new ProgressTracker(spark.sparkContext(), "lepton.sync")) {
      SyncRun run = new SyncRun(runId, layout.source(), layout.target(), layout.stateDir(), layout.staging(runId),
          sourceFs, targetFs, stateFs, config.copy(), config.sync(), confirmation, leases, keeper,
          (name, rows) -> execution.writeRows(rows, name), Clock.systemUTC());
      SparkDataCopier copier = new SparkDataCopier(JavaSparkContext.fromSparkContext(spark.sparkContext()),
          execution, config.plan(), tracker, config.sync().smallChangeBytes());
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.sync().parallelTables(),
          tables.size())), runnable -> {
            Thread thread = new Thread(runnable, "lepton-sync-table");
            thread.setDaemon(true);
            return thread;
          });
      try {
        List<Future<TableSyncResult>> futures = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
          TableSync sync = new TableSync(run, tables.get(i), i, copier);
          futures.add(pool.submit(sync::run));
        }
        files = source.otherContent()
            ? new FolderSync(spark, config, layout, conf, execution).run(tableFolders(source, tables),
                target.tables(), leases, keeper, tracker)
            : FolderSyncResult.nothingToSync();
        results = collect(futures);
      } finally {
        pool.shutdownNow();
      }
    }
    timer.record("copy", syncStarted);
    notes.addAll(tableNotes(results));

    ExitCode partsOutcome = files.exitCode();
    for (TableSyncResult result : results) {
      partsOutcome = partsOutcome.max(result.exitCode());
    }
    timer.time("record tables", () -> new SyncHistoryStore(spark, layout.stateDir()).record(runId, results));
    RunSummary summary;
    try {
      summary = new RunRecorder(spark, layout, runId, config).recordSmall(manifest, started, timer.phases(), notes,
          "sync", partsOutcome, reportExtra(results, files));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot record sync run " + runId + " in " + layout.stateDir() + ": "
          + e.getMessage() + ". Its task results stay in the state folder; the next run records them.", e);
    }
    PendingRows.delete(spark, execution.pendingFolder());
    folders.cleanUp(runId);
    return new SyncSummary(summary, results, files, startup);
  }

  public String runId() {
    return runId;
  }

  private void checkConfirmation() {
    if (confirmation == OverwriteConfirmation.GIVEN && config.sync().onDivergence() != DivergencePolicy.OVERWRITE) {
      throw new InvalidInputException("Cannot use --overwrite-diverged: migration.sync.on-divergence is "
          + config.sync().onDivergence().name().toLowerCase(java.util.Locale.ROOT) + ". Set"
          + " migration.sync.on-divergence = overwrite as well to overwrite diverged target logs.");
    }
  }

  /**
   * Returns the configured tables, or the discovered ones when none are configured.
   *
   * @throws InvalidInputException when a configured table is not a Delta table below the source
   */
  private List<String> selectTables(FileSystem sourceFs, List<String> discovered) {
    if (config.sync().tables().isEmpty()) {
      return discovered;
    }
    List<String> configured = ConfiguredTables.check(sourceFs, layout.source(), config.sync().tables(), discovered,
        config.sync().discoveryMaxDepth());
    List<String> unlisted = discovered.stream().filter(t -> !config.sync().tables().contains(t)).toList();
    if (!unlisted.isEmpty()) {
      notes.add(unlisted.size() + " Delta tables found below the source are not in migration.sync.tables and were"
          + " left alone, for example '" + unlisted.get(0) + "'");
    }
    return configured;
  }

  /**
   * Returns the folders the listing diff leaves out: the discovered tables and the synced ones. A
   * configured table below the discovery depth is in the second list only.
   */
  private static List<String> tableFolders(TableDiscovery.Discovered source, List<String> synced) {
    Set<String> folders = new java.util.TreeSet<>(source.tables());
    folders.addAll(synced);
    return List.copyOf(folders);
  }

  private static List<TableSyncResult> collect(List<Future<TableSyncResult>> futures) {
    List<TableSyncResult> results = new ArrayList<>();
    for (Future<TableSyncResult> future : futures) {
      try {
        results.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for table syncs", e);
      } catch (ExecutionException e) {
        // TableSync turns every failure into a result, so this is a bug.
        throw new IllegalStateException("A table sync threw: " + e.getCause(), e.getCause());
      }
    }
    return results;
  }

  private static List<String> tableNotes(List<TableSyncResult> results) {
    List<String> notes = new ArrayList<>();
    for (TableSyncResult result : results) {
      String name = result.table().isEmpty() ? "." : result.table();
      for (String note : result.notes()) {
        notes.add("table '" + name + "': " + note);
      }
    }
    return notes;
  }

  private Map<String, Object> reportExtra(List<TableSyncResult> results, FolderSyncResult files) {
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableSyncResult result : results) {
      tables.add(tableEntry(result));
    }
    Map<String, Object> startupMs = new LinkedHashMap<>();
    startupMs.put("jvm", startup.jvmMillis());
    startupMs.put("spark_session", startup.sparkSessionMillis());

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("tables", tables);
    extra.put("folders", folderEntry(files));
    extra.put("startup_ms", startupMs);
    return extra;
  }

  private static Map<String, Object> tableEntry(TableSyncResult r) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("table", r.table().isEmpty() ? "." : r.table());
    table.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
    table.put("start", r.start() == null ? null : r.start().name().toLowerCase(java.util.Locale.ROOT));
    table.put("source_version", r.sourceVersion());
    table.put("target_version_before", r.targetVersionBefore());
    table.put("target_version_after", r.targetVersionAfter());
    table.put("versions_synced", r.versionsSynced());
    table.put("files_copied", r.filesCopied());
    table.put("bytes_copied", r.bytesCopied());
    table.put("missing_files", r.missingFiles());
    table.put("failed_files", r.failedFiles());
    table.put("deleted_files", r.deletedFiles());
    table.put("duration_ms", r.durationMs());
    table.put("message", r.message());
    table.put("notes", r.notes());
    table.put("exit_code", r.exitCode().code());
    return table;
  }

  private static Map<String, Object> folderEntry(FolderSyncResult files) {
    Map<String, Object> folder = new LinkedHashMap<>();
    folder.put("outcome", files.outcome().name().toLowerCase(java.util.Locale.ROOT));
    folder.put("files_to_copy", files.filesToCopy());
    folder.put("bytes_to_copy", files.bytesToCopy());
    folder.put("files_unchanged", files.filesUnchanged());
    folder.put("extra_target_files", files.extraTargetFiles());
    folder.put("files_deleted", files.filesDeleted());
    folder.put("duration_ms", files.durationMs());
    folder.put("message", files.message());
    return folder;
  }
}
