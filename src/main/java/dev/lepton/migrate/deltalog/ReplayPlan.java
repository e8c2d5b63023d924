package dev.lepton.migrate.deltalog;

import java.util.List;
import java.util.Optional;

/**
 * Plan of one table's sync: the files to copy before any commit, the log files to write after
 * them in version order, and the removals the new commits make.
 *
 * @param table the table's folder relative to the source root, "" for the root itself
 * @param targetVersion the target's latest version before the sync, -1 when it has no table yet
 * @param sourceVersion the source version observed at the start of the run, where the sync ends
 * @param start where the replay starts
 * @param firstVersion the first version the sync adds to the target
 * @param dataFiles data, deletion vector, change data and sidecar files, in version order
 * @param logFiles commits, version checksums, checkpoints and log compactions, in commit order
 * @param removals the physical files the synced commits remove, in version order
 * @param unavailable versions after the target's latest that the source's log retention removed
 *     before this sync could copy them, as a text such as "3 to 9". The target cannot read them.
 * @param absolutePathsFound whether the planned versions name files in the table by absolute paths,
 *     which the target's commits must name relative
 */
public record ReplayPlan(
    String table,
    long targetVersion,
    long sourceVersion,
    Start start,
    long firstVersion,
    List<ReplayFile> dataFiles,
    List<ReplayFile> logFiles,
    List<FileRemoval> removals,
    Optional<String> unavailable,
    boolean absolutePathsFound) {

  /** Starting point of a replay. */
  public enum Start {
    /** The target already has the source version; nothing to copy. */
    UP_TO_DATE,
    /** The commits after the target's latest version. */
    AFTER_TARGET,
    /** Every version from 0, because the target has no table yet and the source log is whole. */
    FULL_HISTORY,
    /**
     * A checkpoint, because log retention removed the source's earlier commits: the checkpoint's
     * live files, the checkpoint and the commits after it.
     */
    FROM_CHECKPOINT
  }

  public ReplayPlan {
    dataFiles = List.copyOf(dataFiles);
    logFiles = List.copyOf(logFiles);
    removals = List.copyOf(removals);
    if (sourceVersion < targetVersion && start != Start.UP_TO_DATE) {
      throw new IllegalArgumentException(
          "Source version " + sourceVersion + " is behind target version " + targetVersion);
    }
  }

  public boolean upToDate() {
    return start == Start.UP_TO_DATE;
  }

  /** Returns this plan with other files and log files, everything else the same. */
  ReplayPlan withFiles(List<ReplayFile> newDataFiles, List<ReplayFile> newLogFiles) {
    return new ReplayPlan(table, targetVersion, sourceVersion, start, firstVersion, newDataFiles, newLogFiles,
        removals, unavailable, absolutePathsFound);
  }
}
