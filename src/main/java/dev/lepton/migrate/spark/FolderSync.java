package dev.lepton.migrate.spark;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.LeptonException;
import dev.lepton.migrate.TargetConflictException;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.deltalog.Lease;
import dev.lepton.migrate.deltalog.LeaseKeeper;
import dev.lepton.migrate.deltalog.LeaseStore;
import dev.lepton.migrate.plan.Differ;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.FolderSyncResult;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.LocalChecksumFiles;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the folders that are not Delta tables by listing diff: lists both sides without the tables,
 * compares with the manifest, copies new files and changed ones (a changed size, or a changed time
 * or etag whose checksum also changed), and with {@code migration.sync.delete-extraneous} deletes
 * target files the source no longer has, at most {@code migration.sync.max-delete-share} of them.
 * Holds the lease {@code files} while it runs.
 */
final class FolderSync {
  private static final Logger LOG = LoggerFactory.getLogger(FolderSync.class);
  static final String LEASE = "files";

  private final SparkSession spark;
  private final MigrationConfig config;
  private final RunLayout layout;
  private final HadoopConf conf;
  private final TaskExecution execution;

  FolderSync(SparkSession spark, MigrationConfig config, RunLayout layout, HadoopConf conf, TaskExecution execution) {
    this.spark = spark;
    this.config = config;
    this.layout = layout;
    this.conf = conf;
    this.execution = execution;
  }

  FolderSyncResult run(List<String> sourceTables, List<String> targetTables, LeaseStore leases, LeaseKeeper keeper,
      ProgressTracker tracker) {
    long started = System.nanoTime();
    Lease lease;
    try {
      lease = leases.acquire(LEASE, "the folders that are not Delta tables", execution.context().runId(),
          config.sync().leaseDuration());
    } catch (TargetConflictException e) {
      return result(FolderSyncResult.Outcome.LOCKED, null, e.getMessage(), ExitCode.TARGET_CONFLICT, started);
    }
    keeper.keep(lease);
    try {
      return sync(sourceTables, targetTables, lease, tracker, started);
    } catch (LeptonException e) {
      // The message goes into the result, which the run summary prints.
      LOG.debug("Sync of the non-Delta folders failed", e);
      return result(FolderSyncResult.Outcome.FAILED, null, e.getMessage(), e.exitCode(), started);
    } catch (RuntimeException e) {
      LOG.error("Unexpected exception in the sync of the non-Delta folders", e);
      return result(FolderSyncResult.Outcome.FAILED, null, "Cannot sync the folders that are not Delta tables: " + e
          + ". The driver log has the stack trace. Run the sync again; it copies only what is still missing.",
          ExitCode.FAILED, started);
    } finally {
      keeper.drop(lease);
      lease.close();
    }
  }

  private FolderSyncResult sync(List<String> sourceTables, List<String> targetTables, Lease lease,
      ProgressTracker tracker, long started) {
    List<String> skippedOnTarget = new ArrayList<>(sourceTables);
    targetTables.stream().filter(t -> !skippedOnTarget.contains(t)).forEach(skippedOnTarget::add);
    CopyPlanner.Scope scope = new CopyPlanner.Scope(sourceTables, skippedOnTarget,
        Differ.ChangeDetection.IDENTITY_THEN_CHECKSUM);
    PlanResult plan = new CopyPlanner(spark, conf, config, layout, scope).plan();
    if (!plan.conflictSamples().isEmpty()) {
      String first = plan.conflictSamples().get(0).relativePath();
      return result(FolderSyncResult.Outcome.CONFLICT, plan, "Cannot sync the folders that are not Delta tables: "
          + plan.totals().files(FileAction.CONFLICT) + " target files differ from the source and were not written by"
          + " this job, the first " + first + ". Nothing of these folders was copied. Set"
          + " migration.copy.on-conflict = overwrite to replace them.", ExitCode.TARGET_CONFLICT, started);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<PlannedFile> work = plan.files().filter(CopyJob::isWork);
    long count = plan.totals().filesToProcess();
    if (count > 0) {
      lease.requireHeld();
      TaskPlanning.DataTasks tasks = TaskPlanning.dataTasks(work, count, plan.totals().bytesToProcess(),
          config.plan(), jsc.defaultParallelism());
      jsc.setJobGroup("lepton-sync-files", "Sync folders that are not Delta tables: " + count + " files in "
          + tasks.count() + " tasks", false);
      execution.execute(tasks.tasks(), "files", tracker);
    }
    if (!config.sync().deleteExtraneous() || plan.totals().extraTargetFiles() == 0) {
      return result(FolderSyncResult.Outcome.DONE, plan, null, ExitCode.SUCCESS, started);
    }
    return deleteExtraneous(plan, lease, started);
  }

  /**
   * Deletes the target files the source no longer has, unless they are more than the allowed share
   * of the target's files in these folders. A source that lists short, because of a wrong prefix or
   * a missing permission, must not empty the target.
   */
  private FolderSyncResult deleteExtraneous(PlanResult plan, Lease lease, long started) {
    long extra = plan.totals().extraTargetFiles();
    long onTarget = plan.files().filter(f -> f.targetSize() >= 0).count() + extra;
    double share = extra / (double) onTarget;
    double allowed = config.sync().maxDeleteShare();
    if (share > allowed) {
      String message = String.format(Locale.ROOT, "Cannot delete %d of the %d target files in the folders that are not"
          + " Delta tables (%.1f%%): that is more than migration.sync.max-delete-share = %s allows. Nothing was"
          + " deleted. Check that the source lists completely, then raise the share for one run if the deletions"
          + " are intended.", extra, onTarget, share * 100, allowed);
      return result(FolderSyncResult.Outcome.DELETION_REFUSED, plan, message, ExitCode.FAILED, started);
    }
    lease.requireHeld();
    long deleted = delete(plan.extraTargetFiles(), extra);
    LOG.info("Deleted {} target files that the source no longer has", deleted);

    FolderSyncResult done = result(FolderSyncResult.Outcome.DONE, plan, null, ExitCode.SUCCESS, started);
    return new FolderSyncResult(done.outcome(), done.filesToCopy(), done.bytesToCopy(), done.filesUnchanged(),
        done.extraTargetFiles(), deleted, done.durationMs(), null, ExitCode.SUCCESS);
  }

  /** Deletes the given target files in Spark tasks, each writing a {@code deleted} row per file. */
  private long delete(JavaRDD<FileEntry> files, long count) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobGroup("lepton-sync-delete", "Delete " + count + " target files the source no longer has", false);
    Location target = layout.target();
    Location stateDir = layout.stateDir();
    HadoopConf taskConf = conf;
    String runId = execution.context().runId();
    // A plan of a small lake has one partition. Deletions are slow requests on object stores, so
    // they spread over the cores.
    int tasks = (int) Math.max(1, Math.min(count, jsc.defaultParallelism()));
    JavaRDD<FileEntry> spread = files.getNumPartitions() < tasks ? files.repartition(tasks) : files;
    return spread.mapPartitionsWithIndex((index, entries) -> {
      FileSystem fs = Stores.targetFileSystem(target, taskConf.get());
      List<ManifestRow> rows = new ArrayList<>();
      while (entries.hasNext()) {
        FileEntry file = entries.next();
        if (LocalChecksumFiles.delete(fs, target.resolve(file.relativePath()))) {
          rows.add(new ManifestRow(runId, file.relativePath(), file.size(), file.modificationTime(), file.etag(),
              null, null, null, "none", ManifestRow.DELETED, "none", 0, 0, 1,
              "the source no longer has this file (migration.sync.delete-extraneous)", System.currentTimeMillis()));
        }
      }
      if (!rows.isEmpty()) {
        FileSystem stateFs = Stores.targetFileSystem(stateDir, taskConf.get());
        TaskResultFile.write(stateFs, stateDir, runId, "files-deleted-" + index + "-"
            + org.apache.spark.TaskContext.get().attemptNumber(), rows);
      }
      return List.of((long) rows.size()).iterator();
    }, false).reduce(Long::sum);
  }

  private static FolderSyncResult result(FolderSyncResult.Outcome outcome, PlanResult plan, String message,
      ExitCode code, long started) {
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (plan == null) {
      return new FolderSyncResult(outcome, 0, 0, 0, 0, 0, ms, message, code);
    }
    PlanTotals totals = plan.totals();
    return new FolderSyncResult(outcome, totals.filesToProcess(), totals.bytesToProcess(), totals.files(FileAction.SKIP),
        totals.extraTargetFiles(), 0, ms, message, code);
  }
}
