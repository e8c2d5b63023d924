package dev.lepton.migrate.report;

import dev.lepton.migrate.ExitCode;

/**
 * Result of syncing the folders that are not Delta tables. The sync lists both sides, compares
 * them with the manifest, copies new and changed files and, where configured, deletes extraneous
 * ones.
 *
 * @param filesToCopy files planned for copy or checksum recheck
 * @param bytesToCopy their bytes
 * @param filesUnchanged files the manifest records as copied and unchanged
 * @param extraTargetFiles target files the source no longer has
 * @param filesDeleted extraneous target files deleted
 * @param message the reason the part stopped or deleted nothing, or null
 */
public record FolderSyncResult(
    Outcome outcome,
    long filesToCopy,
    long bytesToCopy,
    long filesUnchanged,
    long extraTargetFiles,
    long filesDeleted,
    long durationMs,
    String message,
    ExitCode exitCode) {

  /** Outcome of the folder sync. */
  public enum Outcome {
    /** Nothing outside the Delta tables. */
    NOTHING_TO_SYNC,
    DONE,
    /** Another run holds the lease on the non-Delta folders. */
    LOCKED,
    /** Target files differ from the source and were not written by this job; nothing was copied. */
    CONFLICT,
    /** Copied, but did not delete, because more than the allowed share of files would go. */
    DELETION_REFUSED,
    FAILED
  }

  public static FolderSyncResult nothingToSync() {
    return new FolderSyncResult(Outcome.NOTHING_TO_SYNC, 0, 0, 0, 0, 0, 0, null, ExitCode.SUCCESS);
  }
}
