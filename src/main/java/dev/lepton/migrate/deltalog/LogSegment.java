package dev.lepton.migrate.deltalog;

import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * The log files that describe a table from a starting point up to one version. The commits are
 * contiguous: every version in {@code (fromExclusive, version]} has exactly one commit file, so a
 * segment with a gap cannot be built.
 *
 * <p>A segment takes one of two shapes. "The table as of version V" starts from the newest
 * complete checkpoint at or before V ({@code checkpoint} present, {@code fromExclusive} equal to its
 * version) or from version 0 ({@code fromExclusive} is -1). "The commits in (A, B]" has no base
 * checkpoint and starts after A.
 *
 * @param tableRoot the table's root folder
 * @param fromExclusive the version the segment starts after, -1 to start at the first commit
 * @param version the version the segment ends at, inclusive
 * @param checkpoint the checkpoint that holds the table state at {@code fromExclusive}, if any
 * @param commits the commit files of versions {@code fromExclusive + 1} to {@code version}
 * @param checkpoints the complete checkpoints of versions {@code max(fromExclusive, 0)} to {@code
 *     version}, including the base checkpoint, that a copy of the log carries
 * @param auxiliaryFiles the version checksum files, the log compaction files and the commit file
 *     at the base checkpoint's version that fall inside the segment and that a copy carries
 */
public record LogSegment(
    Path tableRoot,
    long fromExclusive,
    long version,
    Optional<Checkpoint> checkpoint,
    List<LogFile> commits,
    List<Checkpoint> checkpoints,
    List<LogFile> auxiliaryFiles) {

  public LogSegment {
    if (tableRoot == null || checkpoint == null) {
      throw new IllegalArgumentException("A log segment needs a table root and a checkpoint option");
    }
    commits = List.copyOf(commits);
    checkpoints = List.copyOf(checkpoints);
    auxiliaryFiles = List.copyOf(auxiliaryFiles);
    if (fromExclusive < -1 || version < fromExclusive) {
      throw LogErrors.invalidRange(tableRoot, fromExclusive, version);
    }
    if (checkpoint.isPresent() && checkpoint.get().version() != fromExclusive) {
      throw new IllegalArgumentException(
          "The base checkpoint of a segment must be at version " + fromExclusive + ", not "
              + checkpoint.get().version());
    }
    requireContiguous(tableRoot, fromExclusive, version, commits);
    long lowest = Math.max(fromExclusive, 0);
    for (Checkpoint c : checkpoints) {
      if (c.version() < lowest || c.version() > version) {
        throw new IllegalArgumentException(
            "Checkpoint at version " + c.version() + " lies outside segment [" + lowest + ", "
                + version + "]");
      }
    }
    for (LogFile file : auxiliaryFiles) {
      if (file.version() < lowest || file.lastVersion() > version) {
        throw new IllegalArgumentException(
            "Log file " + file.path() + " lies outside segment [" + lowest + ", " + version + "]");
      }
    }
  }

  private static void requireContiguous(
      Path tableRoot, long fromExclusive, long version, List<LogFile> commits) {
    long expected = fromExclusive + 1;
    for (LogFile commit : commits) {
      if (commit.type() != LogFile.Type.COMMIT) {
        throw new IllegalArgumentException(commit.path() + " is not a commit file");
      }
      if (commit.version() < expected) {
        throw new IllegalArgumentException(
            "Commit versions must be unique and ascending, but " + commit.path() + " follows"
                + " version " + (expected - 1));
      }
      if (commit.version() > expected) {
        throw missing(tableRoot, expected, commit.version() - 1, version);
      }
      expected++;
    }
    if (expected <= version) {
      throw missing(tableRoot, expected, version, version);
    }
  }

  private static RuntimeException missing(
      Path tableRoot, long firstMissing, long lastMissing, long version) {
    if (firstMissing == 0) {
      return LogErrors.commitsMissingBefore(tableRoot, version, lastMissing + 1, "");
    }
    return LogErrors.commitsMissingAfter(tableRoot, firstMissing - 1, firstMissing, lastMissing, "");
  }

  /** Returns the version of the first commit the segment replays. */
  public long firstCommitVersion() {
    return fromExclusive + 1;
  }
}
