package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.LeptonException;
import dev.lepton.migrate.TargetConflictException;
import dev.lepton.migrate.report.ManifestRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one Delta table by replaying the source's log onto the target: take the table's lease,
 * check that the target's log has not diverged, plan the new versions, copy the files they need,
 * then write their log files in version order with create-if-absent semantics and {@code
 * _last_checkpoint} last. The target's latest version is the last synced version, so a rerun after
 * a crash continues from it, and a rerun with nothing new writes nothing.
 *
 * <p>A file the new commits need that the source no longer has, or that failed to copy, stops the
 * target before the first version that needs it. A missing file that only versions before the
 * synced one need (a file VACUUM deleted) is reported and does not stop the sync.
 *
 * <p>Never throws: every outcome, errors included, becomes a {@link TableSyncResult}. The error
 * message goes only into the result, which the run summary prints, so the console shows it once.
 * The log records the outcome, and a stack trace at ERROR only for an unexpected exception.
 */
public final class TableSync {
  private static final Logger LOG = LoggerFactory.getLogger(TableSync.class);

  private final SyncRun run;
  private final String table;
  private final int index;
  private final DataCopier dataCopier;
  private final String description;
  private final List<String> notes = new ArrayList<>();
  private final Progress progress = new Progress();
  private String divergenceMessage;
  private String blockedReason = "";

  /** Progress of the sync so far, kept so that a failure still reports it. */
  private static final class Progress {
    long targetBefore = -1;
    long targetAfter = -1;
    long firstVersion = -1;
    long sourceVersion = -1;
    ReplayPlan.Start start;
    long filesCopied;
    long bytesCopied;
    long missing;
    long failed;
    long deleted;
    boolean conflict;
  }

  /**
   * @param table the table's folder relative to the roots, "" for the root itself
   * @param index a number unique to the table within the run, for naming result files
   */
  public TableSync(SyncRun run, String table, int index, DataCopier dataCopier) {
    this.run = run;
    this.table = table;
    this.index = index;
    this.dataCopier = dataCopier;
    this.description = "table '" + (table.isEmpty() ? "." : table) + "'";
  }

  public TableSyncResult run() {
    long started = System.nanoTime();
    Lease lease;
    try {
      lease = run.leases().acquire(LeaseStore.tableResource(table), description, run.runId(),
          run.sync().leaseDuration());
    } catch (TargetConflictException e) {
      return stopped(TableSyncResult.Outcome.LOCKED, e.getMessage(), ExitCode.TARGET_CONFLICT, started);
    } catch (RuntimeException e) {
      LOG.debug("Cannot take the lease on {}", description, e);
      return stopped(TableSyncResult.Outcome.FAILED, "Cannot take the lease on " + description + " in "
          + run.stateDir() + ": " + e + ". Check access to the state folder and run the sync again.",
          ExitCode.FAILED, started);
    }
    lease.takenOver().ifPresent(previous -> notes.add("took over the expired lease of " + previous.describe()));
    run.keeper().keep(lease);
    try {
      return sync(lease, started);
    } catch (LeptonException e) {
      LOG.debug("Sync of {} failed", description, e);
      return stopped(TableSyncResult.Outcome.FAILED, e.getMessage(), e.exitCode(), started);
    } catch (UncheckedIOException | IOException e) {
      LOG.debug("Sync of {} failed", description, e);
      return stopped(TableSyncResult.Outcome.FAILED, "Cannot sync " + description + ": " + e.getMessage()
          + ". Check access to both stores and run the sync again; it continues where it stopped.",
          ExitCode.FAILED, started);
    } catch (RuntimeException e) {
      LOG.error("Unexpected exception in the sync of {}", description, e);
      return stopped(TableSyncResult.Outcome.FAILED, "Cannot sync " + description + ": " + e
          + ". The driver log has the stack trace.", ExitCode.FAILED, started);
    } finally {
      run.keeper().drop(lease);
      lease.close();
    }
  }

  private TableSyncResult sync(Lease lease, long started) throws IOException {
    DeltaLog source = DeltaLog.forTable(run.sourceFs(), run.sourceTable(table).path());
    DeltaLog target = DeltaLog.forTable(run.targetFs(), run.targetTable(table).path());
    long sourceVersion = source.latestVersion();
    progress.sourceVersion = sourceVersion;
    ProtocolAndMetadata header = source.protocolAndMetadataAt(sourceVersion);
    TableFeatures.requireSupported(source.tableRoot(), sourceVersion, header.protocol());

    long targetVersion = target.latestVersionIfPresent().orElse(-1);
    progress.targetBefore = targetVersion;
    progress.targetAfter = targetVersion;
    Optional<SyncState> state = SyncState.read(run.stateFs(), run.tableState(table).path());
    Optional<PathRewrite> rewrite = run.sync().absolutePaths() == AbsolutePathPolicy.REWRITE
        ? Optional.of(new PathRewrite(source.tableRoot()))
        : Optional.empty();
    boolean rewrittenBefore = state.map(SyncState::logForm).orElse(SyncState.LogForm.COPIED)
        == SyncState.LogForm.PATHS_REWRITTEN;
    if (targetVersion >= 0) {
      long verified = state.map(SyncState::verifiedVersion).filter(v -> v <= progress.targetBefore).orElse(0L);
      Optional<Long> resolved = checkDivergence(source, target, verified, sourceVersion,
          rewrittenBefore ? rewrite : Optional.empty(), lease);
      if (resolved.isEmpty()) {
        return stopped(TableSyncResult.Outcome.DIVERGED, divergenceMessage, ExitCode.TARGET_CONFLICT, started);
      }
      targetVersion = resolved.get();
      progress.targetAfter = targetVersion;
    }

    ReplayPlan plan = skipFilesTheTargetHas(
        ReplayPlanner.plan(source, table, targetVersion, sourceVersion, run.sync().absolutePaths()));
    boolean rewriting = rewrite.isPresent() && (rewrittenBefore || plan.absolutePathsFound());
    if (rewriting) {
      plan = commitsOnly(plan, source);
    }
    progress.start = plan.start();
    progress.firstVersion = plan.firstVersion();
    plan.unavailable().ifPresent(versions -> notes.add("versions " + versions + " were removed from the"
        + " source's log by log retention before they could be synced; neither side can read them"));
    if (!plan.upToDate()) {
      warnAboutCommitTimes(header, plan);
      lease.requireHeld();
      long lastCommittable = copyData(plan);
      LogWriter.Result written = new LogWriter(run, table, index, lease)
          .write(plan, lastCommittable, blockedReason, rewriting ? rewrite : Optional.empty());
      progress.filesCopied += written.filesCopied();
      progress.bytesCopied += written.bytesCopied();
      progress.failed += written.failed();
      progress.conflict |= written.conflict();
      progress.targetAfter = target.latestVersionIfPresent().orElse(-1);
    }
    progress.deleted = new RemovedFiles(run, table, index, lease)
        .apply(target, plan, progress.targetAfter, header);
    if (progress.targetAfter >= 0) {
      SyncState.LogForm form = rewriting ? SyncState.LogForm.PATHS_REWRITTEN : SyncState.LogForm.COPIED;
      new SyncState(table, progress.targetAfter, form, run.runId(), run.clock().instant())
          .write(run.stateFs(), run.tableState(table).path());
    }
    return finished(plan, started);
  }

  /**
   * Returns the target version to sync from: the current one, or the one before the divergence
   * after moving the diverging tail to a backup. Returns empty when the table must stop.
   */
  private Optional<Long> checkDivergence(DeltaLog source, DeltaLog target, long from, long sourceVersion,
      Optional<PathRewrite> rewrite, Lease lease) throws IOException {
    Optional<Divergence> divergence = TargetLog.firstDivergence(source, target, from, sourceVersion, rewrite);
    if (divergence.isEmpty()) {
      return Optional.of(progress.targetBefore);
    }
    long first = divergence.get().firstVersion();
    String backup = run.stateDir().child("diverged").child(LeaseStore.tableResource(table)).child(run.runId()).toString();
    boolean overwrite = run.sync().onDivergence() == DivergencePolicy.OVERWRITE
        && run.confirmation() == OverwriteConfirmation.GIVEN;
    if (!overwrite) {
      divergenceMessage = "Cannot sync " + description + ": the target's log diverged from the source's at"
          + " version " + first + " (" + divergence.get().reason() + "). Nothing was written to this table."
          + " If the target's changes from version " + first + " on may be discarded, set"
          + " migration.sync.on-divergence = overwrite and pass --overwrite-diverged; the sync then moves the"
          + " target's log files from that version on to " + backup + ".";
      return Optional.empty();
    }
    lease.requireHeld();
    int moved = TargetLog.moveTailToBackup(target, first, new org.apache.hadoop.fs.Path(backup), run.stateFs());
    notes.add("overwrote the target's diverged log from version " + first + " (" + divergence.get().reason()
        + "): moved " + moved + " log files to " + backup + "; data files only they referenced stay until the"
        + " target is vacuumed");
    return Optional.of(first - 1);
  }

  /**
   * Keeps of a plan only the commits among the log files and no sidecars: the target's commits of
   * a table with rewritten paths differ from the source's, and checkpoints, version checksums and
   * log compactions would repeat the source's absolute paths.
   */
  private ReplayPlan commitsOnly(ReplayPlan plan, DeltaLog source) {
    if (plan.start() == ReplayPlan.Start.FROM_CHECKPOINT) {
      throw LogErrors.rewriteNeedsCommits(source.tableRoot(), plan.firstVersion());
    }
    notes.add("the source's log names files of this table by absolute paths, which the target's commits name"
        + " relative (migration.sync.absolute-paths = rewrite); checkpoints, version checksums and log compactions"
        + " are not copied for it");
    return plan.withFiles(
        plan.dataFiles().stream().filter(f -> f.kind() != ReferencedFile.Kind.SIDECAR).toList(),
        plan.logFiles().stream().filter(f -> f.kind() == ReferencedFile.Kind.COMMIT).toList());
  }

  /**
   * Leaves out of a plan the files of the target's latest version (checksum, checkpoint, sidecars)
   * that the target already has at the size the source's log records. This job published them
   * whole under their final names, so their presence means they are done, and reading them again
   * on every run would cost as much as the checkpoint is large.
   */
  private ReplayPlan skipFilesTheTargetHas(ReplayPlan plan) throws IOException {
    if (plan.start() != ReplayPlan.Start.AFTER_TARGET) {
      return plan;
    }
    List<ReplayFile> data = new ArrayList<>();
    for (ReplayFile file : plan.dataFiles()) {
      if (file.version() > plan.targetVersion() || !presentOnTarget(file)) {
        data.add(file);
      }
    }
    List<ReplayFile> log = new ArrayList<>();
    for (ReplayFile file : plan.logFiles()) {
      if (file.version() > plan.targetVersion() || !presentOnTarget(file)) {
        log.add(file);
      }
    }
    return plan.withFiles(data, log);
  }

  private boolean presentOnTarget(ReplayFile file) throws IOException {
    try {
      long length = run.targetFs().getFileStatus(run.targetTable(table).resolve(file.path())).getLen();
      return file.sizeHint() < 0 || length == file.sizeHint();
    } catch (java.io.FileNotFoundException e) {
      return false;
    }
  }

  /**
   * Copies the files of the new versions and returns the last version whose files are all in
   * place. Missing files that only older versions need are counted, not held against it.
   */
  private long copyData(ReplayPlan plan) {
    if (plan.dataFiles().isEmpty()) {
      return plan.sourceVersion();
    }
    DataCopier.Outcome outcome = dataCopier.copy(table, index, plan.dataFiles());
    progress.filesCopied += outcome.filesCopied();
    progress.bytesCopied += outcome.bytesCopied();

    String prefix = table.isEmpty() ? "" : table + "/";
    Map<String, ReplayFile> byPath = new HashMap<>();
    plan.dataFiles().forEach(file -> byPath.put(prefix + file.path(), file));

    long lastCommittable = plan.sourceVersion();
    long vacuumedBefore = -1;
    for (ManifestRow row : outcome.problems()) {
      ReplayFile file = byPath.get(row.path());
      if (file == null) {
        throw new IllegalStateException("Copy result for " + row.path() + ", which the plan of " + description
            + " does not list");
      }
      if (row.status().equals(ManifestRow.MISSING) && !file.neededAtEnd()) {
        progress.missing++;
        vacuumedBefore = Math.max(vacuumedBefore, file.lastNeededVersion());
        continue;
      }
      progress.failed++;
      progress.conflict |= row.status().equals(ManifestRow.CONFLICT);
      if (file.version() - 1 < lastCommittable) {
        lastCommittable = file.version() - 1;
        blockedReason = "version " + file.version() + " needs " + row.path() + " (" + row.status() + ": "
            + row.reason() + ")";
      }
    }

    if (progress.missing > 0) {
      notes.add(progress.missing + " files that only versions up to " + vacuumedBefore + " need are missing on"
          + " the source (removed by VACUUM); those versions cannot be read on either side; the manifest lists"
          + " them with status 'missing'");
    }
    return lastCommittable;
  }

  private void warnAboutCommitTimes(ProtocolAndMetadata header, ReplayPlan plan) {
    boolean writesCommits = plan.logFiles().stream().anyMatch(f -> f.kind() == ReferencedFile.Kind.COMMIT);
    if (!writesCommits || !run.copy().preserveModificationTime() || header.hasInCommitTimestamps()
        || run.target().kind().modificationTimeSettable()) {
      return;
    }
    String note = "the target store (" + run.target().scheme() + ") cannot keep the source's file times, so"
        + " this table's commits carry the time of the sync there, and time travel by timestamp differs from the"
        + " source; enabling in-commit timestamps on the source table (table property "
        + ProtocolAndMetadata.IN_COMMIT_TIMESTAMPS + " = true) makes commit times independent of file times";
    // The run summary prints the note as the warning, so the log keeps it at INFO to show it once.
    LOG.info("Sync of {}: {}", description, note);
    notes.add(note);
  }

  private TableSyncResult finished(ReplayPlan plan, long started) {
    TableSyncResult.Outcome outcome;
    ExitCode code = ExitCode.SUCCESS;
    if (plan.upToDate()) {
      outcome = TableSyncResult.Outcome.UP_TO_DATE;
    } else if (progress.targetAfter >= plan.sourceVersion()) {
      outcome = TableSyncResult.Outcome.SYNCED;
    } else {
      outcome = TableSyncResult.Outcome.INCOMPLETE;
    }
    if (progress.failed > 0) {
      code = code.max(ExitCode.FAILED);
    }
    if (progress.conflict) {
      code = code.max(ExitCode.TARGET_CONFLICT);
    }
    String message = outcome == TableSyncResult.Outcome.INCOMPLETE
        ? "Cannot sync " + description + " beyond version " + progress.targetAfter + ": " + blockedReason
            + ". Fix the cause and run the sync again; it continues from version " + (progress.targetAfter + 1) + "."
        : null;
    LOG.info("Synced {}: versions {}, {} files ({} bytes) copied, outcome {} in {} ms", description,
        plan.upToDate() ? "none" : plan.firstVersion() + " to " + progress.targetAfter, progress.filesCopied,
        progress.bytesCopied, outcome, (System.nanoTime() - started) / 1_000_000);
    return result(outcome, message, code, started);
  }

  private TableSyncResult stopped(TableSyncResult.Outcome outcome, String message, ExitCode code, long started) {
    LOG.info("Stopped the sync of {} at target version {}: outcome {} in {} ms", description, progress.targetAfter,
        outcome, (System.nanoTime() - started) / 1_000_000);
    return result(outcome, message, code, started);
  }

  private TableSyncResult result(TableSyncResult.Outcome outcome, String message, ExitCode code, long started) {
    return new TableSyncResult(table, outcome, progress.targetBefore, progress.targetAfter, progress.firstVersion,
        progress.sourceVersion, progress.start, progress.filesCopied, progress.bytesCopied, progress.missing,
        progress.failed, progress.deleted, (System.nanoTime() - started) / 1_000_000, message, notes, code);
  }
}
