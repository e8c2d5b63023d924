package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.InvariantViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.hadoop.fs.Path;

/** The user-facing errors of this package, kept in one place so that their wording stays even. */
final class LogErrors {
  private LogErrors() {}

  static InvariantViolationException commitsMissingAfter(
      Path table, long lastPresent, long firstMissing, long lastMissing, String context) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: commit versions %d to %d are missing after version %d%s."
                + " Restore the missing commit files, or copy the table again from a checkpoint"
                + " written after version %d.",
            table, firstMissing, lastMissing, lastPresent, context, lastMissing));
  }

  static InvariantViolationException commitsMissingBefore(
      Path table, long version, long firstPresent, String context) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s at version %d: commit versions 0 to %d are missing and no"
                + " complete checkpoint exists at or before version %d%s. Restore the missing log"
                + " files, or read a version that has a complete checkpoint at or before it.",
            table, version, firstPresent - 1, version, context));
  }

  static InvariantViolationException commitsRemovedByRetention(
      Path table, long fromExclusive, long toInclusive, long firstPresent) {
    return new InvariantViolationException(
        String.format(
            "Cannot read commits %d to %d of %s: the log starts at version %d, because log"
                + " cleanup removed older commits. Copy the table again from the snapshot at a"
                + " checkpoint instead of syncing from version %d.",
            fromExclusive + 1, toInclusive, table, firstPresent, fromExclusive));
  }

  static InvalidInputException versionNotFound(Path table, long version, long latest) {
    return new InvalidInputException(
        String.format(
            "Cannot read Delta log of %s at version %d: the latest version is %d. Request a version"
                + " from 0 to %d.",
            table, version, latest, latest));
  }

  static InvalidInputException invalidRange(Path table, long fromExclusive, long toInclusive) {
    return new InvalidInputException(
        String.format(
            "Cannot read commits after version %d up to version %d of %s: the range is empty or"
                + " negative. Pass fromExclusive >= -1 and toInclusive >= fromExclusive.",
            fromExclusive, toInclusive, table));
  }

  static InvalidInputException notADeltaTable(Path table, String reason) {
    return new InvalidInputException(
        String.format(
            "Cannot read Delta log of %s: %s. Check that the path is the root folder of a Delta"
                + " table.",
            table, reason));
  }

  static InvariantViolationException invalidLine(
      Path table, Path file, long line, String reason) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: line %d of %s is invalid: %s. Restore the file from a"
                + " backup or from another copy of the table.",
            table, line, file, reason));
  }

  static InvariantViolationException invalidCheckpointRow(
      Path table, Path file, long row, String reason) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: row %d of checkpoint file %s is invalid: %s. Delete the"
                + " checkpoint so that readers use an older one, or restore it.",
            table, row, file, reason));
  }

  static InvariantViolationException invalidCheckpointFile(
      Path table, Path file, RuntimeException cause) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: checkpoint file %s is not a readable Parquet file: %s."
                + " Delete the checkpoint so that readers use an older one, or restore it.",
            table, file, cause.getMessage()),
        cause);
  }

  static InvariantViolationException invalidPath(Path table, long version, String reason) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: version %d names a file whose %s. Fix the writer that"
                + " produced this version; the protocol requires URL-encoded paths.",
            table, version, reason));
  }

  static InvariantViolationException missingProtocolOrMetadata(
      Path table, long version, String action) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s at version %d: no %s action was found in the checkpoint"
                + " or commits. Restore the log files that hold the table's first commit or its"
                + " checkpoint.",
            table, version, action));
  }

  static InvariantViolationException fileVanished(Path table, Path file, IOException cause) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: %s was listed but is gone. Retry when no log cleanup"
                + " is running on the table.",
            table, file),
        cause);
  }

  static InvariantViolationException sidecarMissing(Path table, Path checkpoint, Path sidecar) {
    return new InvariantViolationException(
        String.format(
            "Cannot read Delta log of %s: sidecar file %s named by checkpoint %s does not exist."
                + " Restore the sidecar, or delete the checkpoint so that readers use an older one.",
            table, sidecar, checkpoint));
  }

  static UncheckedIOException readFailed(Path table, Path file, IOException cause) {
    return new UncheckedIOException(
        String.format(
            "Cannot read %s of Delta table %s: %s. Check access to the store and retry.",
            file, table, cause.getMessage()),
        cause);
  }

  static InvalidInputException absolutePath(
      Path table, long version, ReferencedFile.Kind kind, String path, boolean insideTable) {
    String fix = insideTable
        ? " The path points into the table itself: set migration.sync.absolute-paths = rewrite to write it"
            + " relative in the target's commits."
        : " Sync copies tables whose files lie below the table root; rewrite the table on the source first,"
            + " for example with a deep clone, or copy it with a Delta client.";
    return new InvalidInputException(
        String.format(
            "Cannot sync Delta table %s: version %d names the %s file %s by an absolute path, so the"
                + " target's log would still point at that store.%s",
            table, version, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), path, fix));
  }

  static InvalidInputException absoluteDeletionVector(Path table, long version, String path) {
    return new InvalidInputException(
        String.format(
            "Cannot sync Delta table %s: version %d stores a deletion vector at the absolute path %s, which"
                + " sync cannot rewrite. Run REORG TABLE ... APPLY (PURGE) on the source to rewrite the"
                + " affected files, then sync again.",
            table, version, path));
  }

  static InvalidInputException rewriteNeedsCommits(Path table, long version) {
    return new InvalidInputException(
        String.format(
            "Cannot sync Delta table %s from its checkpoint at version %d: its log names files by absolute"
                + " paths, which sync rewrites only in commit files, and log cleanup removed the commits"
                + " before the checkpoint. Copy the table with a Delta client (for example a deep clone).",
            table, version));
  }

  static InvariantViolationException noCheckpointToSyncFrom(
      Path table, long targetVersion, long sourceVersion, long earliestCommit) {
    return new InvariantViolationException(
        String.format(
            "Cannot sync Delta table %s from version %d to %d: log cleanup removed the source's"
                + " commits before version %d, and no complete checkpoint after version %d has all"
                + " commits after it. Run the sync again after the source writes its next"
                + " checkpoint, or copy the table again.",
            table, targetVersion + 1, sourceVersion, earliestCommit, targetVersion));
  }

  static InvalidInputException unsupportedFeatures(
      Path table, long version, String kind, Collection<String> features) {
    return new InvalidInputException(
        String.format(
            "Cannot sync Delta table %s at version %d: it uses %s %s that this job does not"
                + " support. Copy the table with a Delta client that supports them.",
            table, version, kind, features));
  }
}
