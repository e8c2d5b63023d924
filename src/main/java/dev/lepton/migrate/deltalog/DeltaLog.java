package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.InvalidInputException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the transaction log of one Delta table through the Hadoop {@link FileSystem} API, without
 * Spark. Every call lists {@code _delta_log} afresh, so it finds commits written since the last
 * call; an instance holds no state beyond the table's location and is safe to share between
 * threads.
 *
 * <p>Broken logs (missing commits, unreadable lines, missing sidecars) raise {@link
 * dev.lepton.migrate.InvariantViolationException}; requests the log cannot serve, such as a version
 * after the latest, raise {@link dev.lepton.migrate.InvalidInputException}; store failures raise
 * {@link java.io.UncheckedIOException}. Every message names the table and the versions involved.
 */
public final class DeltaLog {
  private final FileSystem fs;
  private final Path tableRoot;

  private DeltaLog(FileSystem fs, Path tableRoot) {
    this.fs = fs;
    this.tableRoot = tableRoot;
  }

  /** Returns the log of the table rooted at {@code tableRoot}, read through {@code fs}. */
  public static DeltaLog forTable(FileSystem fs, Path tableRoot) {
    // Path(String) drops a trailing slash, which a root made from a folder URI often has.
    return new DeltaLog(fs, fs.makeQualified(new Path(tableRoot.toString())));
  }

  /** Returns the table root, qualified with the store's scheme and authority. */
  public Path tableRoot() {
    return tableRoot;
  }

  /** Returns the newest version of the table. */
  public long latestVersion() {
    return list().latestVersion();
  }

  /**
   * Returns the newest version of the table, or empty when there is no table yet: no {@code
   * _delta_log} folder, or one without commit or checkpoint files.
   */
  public OptionalLong latestVersionIfPresent() {
    Path logDir = LogListing.logDir(tableRoot);
    try {
      if (!fs.exists(logDir)) {
        return OptionalLong.empty();
      }
    } catch (IOException e) {
      throw LogErrors.readFailed(tableRoot, logDir, e);
    }
    LogListing listing;
    try {
      listing = list();
    } catch (InvalidInputException e) {
      // An empty log folder, as a killed first sync may leave behind.
      return OptionalLong.empty();
    }
    return OptionalLong.of(listing.latestVersion());
  }

  /**
   * Returns the protocol and metadata in force at {@code version}, reading commits backwards from
   * it and, when they do not hold both, only those two action types of the base checkpoint.
   */
  public ProtocolAndMetadata protocolAndMetadataAt(long version) {
    LogSegment segment = segmentAsOf(version);
    Protocol protocol = null;
    Metadata metadata = null;
    JsonActionReader reader = new JsonActionReader(fs, tableRoot);
    List<LogFile> commits = segment.commits();
    for (int i = commits.size() - 1; i >= 0 && (protocol == null || metadata == null); i--) {
      for (Action action : reader.readAll(commits.get(i).path())) {
        if (action instanceof Protocol p && protocol == null) {
          protocol = p;
        } else if (action instanceof Metadata m && metadata == null) {
          metadata = m;
        }
      }
    }
    if ((protocol == null || metadata == null) && segment.checkpoint().isPresent()) {
      Protocol[] foundProtocol = {protocol};
      Metadata[] foundMetadata = {metadata};
      new CheckpointReader(fs, tableRoot).read(segment.checkpoint().get(), Set.of("protocol", "metaData"), action -> {
        if (action instanceof Protocol p && foundProtocol[0] == null) {
          foundProtocol[0] = p;
        } else if (action instanceof Metadata m && foundMetadata[0] == null) {
          foundMetadata[0] = m;
        }
      });
      protocol = foundProtocol[0];
      metadata = foundMetadata[0];
    }
    if (protocol == null || metadata == null) {
      throw LogErrors.missingProtocolOrMetadata(tableRoot, version, protocol == null ? "protocol" : "metaData");
    }
    return new ProtocolAndMetadata(version, protocol, metadata);
  }

  /** Returns the version of the newest complete checkpoint, if the log has one. */
  public Optional<Long> latestCheckpointVersion() {
    List<Checkpoint> checkpoints = list().checkpoints();
    return checkpoints.isEmpty()
        ? Optional.empty()
        : Optional.of(checkpoints.get(checkpoints.size() - 1).version());
  }

  /**
   * Returns the segment for the table as of {@code version}: the newest complete checkpoint at or
   * before it, or version 0 when there is none, and the contiguous commits up to {@code version}.
   */
  public LogSegment segmentAsOf(long version) {
    LogListing listing = list();
    return new SegmentResolver(listing, LastCheckpoint.read(fs, LogListing.logDir(tableRoot)))
        .asOf(version);
  }

  /**
   * Returns the segment of the commits in {@code (fromExclusive, toInclusive]}, with no base
   * checkpoint. Pass -1 to start at version 0.
   */
  public LogSegment segment(long fromExclusive, long toInclusive) {
    return new SegmentResolver(list(), Optional.empty()).range(fromExclusive, toInclusive);
  }

  /** Returns the table's state as of {@code version}, replayed from {@link #segmentAsOf}. */
  public Snapshot snapshotAt(long version) {
    return LogReplay.replay(fs, segmentAsOf(version));
  }

  /** Returns the actions of the commit at {@code version}, in file order. */
  public List<Action> readCommit(long version) {
    LogFile commit = segment(version - 1, version).commits().get(0);
    return new JsonActionReader(fs, tableRoot).readAll(commit.path());
  }

  /**
   * Returns every file a copy of {@code segment} needs: the files named by add and cdc actions
   * of its commits, with their deletion vector files; for a segment with a base checkpoint, the
   * live files of that checkpoint; and the log files themselves (commits, complete checkpoints
   * with their sidecars, version checksums and log compactions inside the segment). Remove
   * actions name files that earlier versions already referenced, so they add nothing.
   */
  public ReferencedFiles filesReferenced(LogSegment segment) {
    if (!segment.tableRoot().equals(tableRoot)) {
      throw new IllegalArgumentException(
          "Segment of " + segment.tableRoot() + " does not belong to table " + tableRoot);
    }
    return SegmentFiles.of(fs, segment);
  }

  /** Computes the CRC32C checksum of the commit file at {@code version}. */
  public CommitChecksum commitChecksum(long version) {
    LogFile commit = segment(version - 1, version).commits().get(0);
    return LogDivergence.checksum(fs, tableRoot, commit);
  }

  /**
   * Returns the first version in {@code [from, to]} at which this log and {@code other} hold
   * different commit bytes, comparing only the versions both logs still cover, or empty when
   * all of them match. A commit missing on either side inside that overlap counts as different.
   */
  public Optional<Long> firstDifferingVersion(DeltaLog other, long from, long to) {
    return LogDivergence.firstDifferingVersion(fs, list(), other.fs, other.list(), from, to);
  }

  FileSystem fileSystem() {
    return fs;
  }

  /** Returns the segment after {@code fromExclusive} plus the auxiliary files of that version. */
  LogSegment continuation(long fromExclusive, long toInclusive) {
    return new SegmentResolver(list(), Optional.empty()).continuation(fromExclusive, toInclusive);
  }

  /** Returns the segment as of {@code version} that starts from the given older checkpoint. */
  LogSegment segmentFromCheckpoint(Checkpoint base, long version) {
    return new SegmentResolver(list(), Optional.empty()).fromCheckpoint(base, version);
  }

  LogListing list() {
    return LogListing.list(fs, tableRoot);
  }

  @Override
  public String toString() {
    return "DeltaLog[" + tableRoot + "]";
  }
}
