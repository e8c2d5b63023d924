package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.ExitCode;
import java.util.List;

/**
 * Result of the sync of one table.
 *
 * @param table the table's folder relative to the roots
 * @param targetVersionBefore the target's latest version before the sync, -1 when it had no table
 * @param targetVersionAfter the target's latest version after the sync
 * @param firstVersion the first version the sync set out to add: the one after the target's latest,
 *     or a checkpoint's version when log retention removed the commits between
 * @param sourceVersion the source version observed at the start of the run
 * @param start where the replay started, or null when the sync stopped before planning
 * @param filesCopied data and log files written (adopted files not counted)
 * @param bytesCopied bytes written
 * @param missingFiles files the log names that the source no longer has, for versions the synced
 *     version does not need
 * @param failedFiles files that failed or conflicted, including those never attempted because an
 *     earlier one failed
 * @param deletedFiles target files deleted because the source removed them long enough ago
 * @param message the error that stopped the table, or null
 * @param notes warnings and facts the user should know, one sentence each
 */
public record TableSyncResult(
    String table,
    Outcome outcome,
    long targetVersionBefore,
    long targetVersionAfter,
    long firstVersion,
    long sourceVersion,
    ReplayPlan.Start start,
    long filesCopied,
    long bytesCopied,
    long missingFiles,
    long failedFiles,
    long deletedFiles,
    long durationMs,
    String message,
    List<String> notes,
    ExitCode exitCode) {

  /** Outcome of the sync of a table. */
  public enum Outcome {
    /** The target reached the source version. */
    SYNCED,
    /** The target already had the source version; nothing was written. */
    UP_TO_DATE,
    /** Some versions were written, but a failed or missing file stopped the target before the source version. */
    INCOMPLETE,
    /** Nothing could be synced: an error stopped the table. */
    FAILED,
    /** Another run holds the table's lease. */
    LOCKED,
    /** The target's log differs from the source's. */
    DIVERGED
  }

  public TableSyncResult {
    notes = List.copyOf(notes);
  }

  /** Returns the versions this sync added to the target as text, such as "4 to 9" or "none". */
  public String versionsSynced() {
    if (targetVersionAfter <= targetVersionBefore) {
      return "none";
    }
    long first = Math.max(targetVersionBefore + 1, firstVersion);
    return first == targetVersionAfter ? Long.toString(first) : first + " to " + targetVersionAfter;
  }
}
