package dev.lepton.migrate.deltalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the checkpoint and commit files of a segment from one listing of the log. */
final class SegmentResolver {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentResolver.class);

  private final LogListing listing;
  private final Optional<LastCheckpoint> hint;

  SegmentResolver(LogListing listing, Optional<LastCheckpoint> hint) {
    this.listing = listing;
    this.hint = hint;
  }

  /**
   * Returns the segment for the table as of {@code version}: the newest complete checkpoint at or
   * before it, then the commits after that checkpoint. Incomplete checkpoints and a
   * {@code _last_checkpoint} that names a missing checkpoint are skipped, as the protocol requires.
   */
  LogSegment asOf(long version) {
    Path table = listing.tableRoot();
    requireKnownVersion(version);
    warnIfHintIsStale(version);
    Optional<Checkpoint> base = chooseBase(version);
    long fromExclusive = base.map(Checkpoint::version).orElse(-1L);
    List<LogFile> commits = listing.commitsBetween(fromExclusive + 1, version);
    if (base.isEmpty() && (commits.isEmpty() || commits.get(0).version() > 0)) {
      long firstPresent = commits.isEmpty() ? version + 1 : commits.get(0).version();
      throw LogErrors.commitsMissingBefore(table, version, firstPresent, ignoredCheckpoints());
    }
    List<LogFile> auxiliary = new ArrayList<>();
    base.flatMap(c -> listing.commit(c.version())).ifPresent(auxiliary::add);
    auxiliary.addAll(auxiliaryBetween(base.isPresent() ? fromExclusive : fromExclusive + 1, version));
    return new LogSegment(
        table,
        fromExclusive,
        version,
        base,
        commits,
        checkpointsBetween(Math.max(fromExclusive, 0), version),
        auxiliary);
  }

  /**
   * Returns the segment for the table as of {@code version} that starts from {@code base}, an
   * older checkpoint than {@link #asOf} would choose, so that a copy covers every version from the
   * checkpoint on.
   */
  LogSegment fromCheckpoint(Checkpoint base, long version) {
    Path table = listing.tableRoot();
    requireKnownVersion(version);
    long fromExclusive = base.version();
    List<LogFile> auxiliary = new ArrayList<>();
    listing.commit(fromExclusive).ifPresent(auxiliary::add);
    auxiliary.addAll(auxiliaryBetween(fromExclusive, version));
    return new LogSegment(
        table,
        fromExclusive,
        version,
        Optional.of(base),
        listing.commitsBetween(fromExclusive + 1, version),
        checkpointsBetween(fromExclusive, version),
        auxiliary);
  }

  /**
   * Returns the segment of the commits in {@code (fromExclusive, toInclusive]} that also carries the
   * version checksum and log compactions starting at {@code fromExclusive}, for a copy that
   * continues a target whose last version may lack them.
   */
  LogSegment continuation(long fromExclusive, long toInclusive) {
    LogSegment range = range(fromExclusive, toInclusive);
    if (fromExclusive < 0) {
      return range;
    }
    return new LogSegment(range.tableRoot(), fromExclusive, toInclusive, Optional.empty(), range.commits(),
        range.checkpoints(), auxiliaryBetween(fromExclusive, toInclusive));
  }

  /** Returns the segment of the commits in {@code (fromExclusive, toInclusive]}. */
  LogSegment range(long fromExclusive, long toInclusive) {
    Path table = listing.tableRoot();
    if (fromExclusive < -1 || toInclusive < fromExclusive) {
      throw LogErrors.invalidRange(table, fromExclusive, toInclusive);
    }
    requireKnownVersion(toInclusive);
    long earliest = listing.earliestCommitVersion().orElse(toInclusive + 1);
    if (toInclusive > fromExclusive && earliest > fromExclusive + 1) {
      throw LogErrors.commitsRemovedByRetention(table, fromExclusive, toInclusive, earliest);
    }
    return new LogSegment(
        table,
        fromExclusive,
        toInclusive,
        Optional.empty(),
        listing.commitsBetween(fromExclusive + 1, toInclusive),
        checkpointsBetween(Math.max(fromExclusive, 0), toInclusive),
        auxiliaryBetween(fromExclusive + 1, toInclusive));
  }

  private void requireKnownVersion(long version) {
    long latest = listing.latestVersion();
    if (version < 0 || version > latest) {
      throw LogErrors.versionNotFound(listing.tableRoot(), version, latest);
    }
  }

  private Optional<Checkpoint> chooseBase(long version) {
    Optional<Checkpoint> newest = Checkpoint.newestAtOrBefore(listing.checkpoints(), version);
    if (newest.isEmpty() || hint.isEmpty()) {
      return newest;
    }
    // Several checkpoints can exist for one version; the one _last_checkpoint names wins.
    for (Checkpoint candidate : listing.checkpoints()) {
      if (candidate.version() == newest.get().version() && hint.get().names(candidate)) {
        return Optional.of(candidate);
      }
    }
    return newest;
  }

  private void warnIfHintIsStale(long version) {
    if (hint.isEmpty() || hint.get().version() > version) {
      return;
    }
    boolean found = listing.checkpoints().stream().anyMatch(c -> hint.get().names(c));
    if (!found) {
      LOG.warn(
          "The _last_checkpoint file of {} names a checkpoint at version {} that is missing or"
              + " incomplete; using the newest complete checkpoint found by listing instead",
          listing.tableRoot(),
          hint.get().version());
    }
  }

  private List<Checkpoint> checkpointsBetween(long from, long to) {
    return listing.checkpoints().stream()
        .filter(c -> c.version() >= from && c.version() <= to)
        .toList();
  }

  // NOTE: a log compaction that straddles a segment boundary is not copied with either segment.
  // Compactions are optional, so a target without them reads the same; replay never uses them.
  private List<LogFile> auxiliaryBetween(long from, long to) {
    return listing.auxiliaryFiles().stream()
        .filter(f -> f.version() >= from && f.lastVersion() <= to)
        .toList();
  }

  private String ignoredCheckpoints() {
    List<String> incomplete = listing.incompleteCheckpoints();
    return incomplete.isEmpty() ? "" : " (ignored because incomplete: " + String.join(", ",
        incomplete) + ")";
  }
}
