package dev.lepton.migrate.deltalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Snapshot} by replaying a segment oldest first: the base checkpoint, then each
 * commit in version order. A logical file is keyed by its path and deletion vector id. Within one
 * valid commit no two file actions share a key, so the order inside a commit does not matter.
 */
final class LogReplay {
  private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);

  private final Path tableRoot;
  private final LogPaths paths;
  private final CheckpointReader checkpoints;
  private final JsonActionReader commits;

  // NOTE: the live files and tombstones of the whole table are held in memory, which bounds the
  // size of table a single JVM can replay; Spark's Delta reader distributes this work instead.
  private final Map<String, AddFile> live = new LinkedHashMap<>();
  private final Map<String, Long> liveSince = new LinkedHashMap<>();
  private final Map<String, RemoveFile> tombstones = new LinkedHashMap<>();
  private final Map<String, SetTransaction> transactions = new LinkedHashMap<>();
  private final Map<String, DomainMetadata> domains = new LinkedHashMap<>();
  private Protocol protocol;
  private Metadata metadata;

  private LogReplay(FileSystem fs, Path tableRoot) {
    this.tableRoot = tableRoot;
    this.paths = new LogPaths(tableRoot);
    this.checkpoints = new CheckpointReader(fs, tableRoot);
    this.commits = new JsonActionReader(fs, tableRoot);
  }

  /** Replays {@code segment} into a snapshot at its version. */
  static Snapshot replay(FileSystem fs, LogSegment segment) {
    long started = System.nanoTime();
    LogReplay replay = new LogReplay(fs, segment.tableRoot());
    Optional<Checkpoint> base = segment.checkpoint();
    base.ifPresent(c -> replay.checkpoints.read(c, action -> replay.apply(action, c.version())));
    for (LogFile commit : segment.commits()) {
      replay.commits.read(commit.path(), action -> replay.apply(action, commit.version()));
    }
    Snapshot snapshot = replay.toSnapshot(segment);
    LOG.info(
        "Replayed Delta log of {} at version {} from {} and {} commits: {} live files in {} ms",
        segment.tableRoot(),
        segment.version(),
        base.map(c -> "the checkpoint at version " + c.version()).orElse("no checkpoint"),
        segment.commits().size(),
        snapshot.files().size(),
        (System.nanoTime() - started) / 1_000_000);
    return snapshot;
  }

  private void apply(Action action, long version) {
    if (action instanceof AddFile add) {
      String key = key(add.path(), add.deletionVector(), version);
      live.put(key, add);
      liveSince.put(key, version);
      tombstones.remove(key);
    } else if (action instanceof RemoveFile remove) {
      String key = key(remove.path(), remove.deletionVector(), version);
      live.remove(key);
      liveSince.remove(key);
      tombstones.put(key, remove);
    } else if (action instanceof Protocol p) {
      protocol = p;
    } else if (action instanceof Metadata m) {
      metadata = m;
    } else if (action instanceof SetTransaction txn) {
      transactions.put(txn.appId(), txn);
    } else if (action instanceof DomainMetadata domain) {
      if (domain.removed()) {
        domains.remove(domain.domain());
      } else {
        domains.put(domain.domain(), domain);
      }
    }
  }

  private String key(String path, Optional<DeletionVectorDescriptor> dv, long version) {
    try {
      // A NUL cannot occur in a path or a deletion vector id, so the key is unambiguous.
      return paths.replayKey(path) + '\0' + dv.map(DeletionVectorDescriptor::uniqueId).orElse("");
    } catch (IllegalArgumentException e) {
      throw LogErrors.invalidPath(tableRoot, version, e.getMessage());
    }
  }

  private Snapshot toSnapshot(LogSegment segment) {
    if (protocol == null || metadata == null) {
      throw LogErrors.missingProtocolOrMetadata(
          tableRoot, segment.version(), protocol == null ? "protocol" : "metaData");
    }
    ReferencedFileCollector collector = new ReferencedFileCollector(tableRoot);
    live.forEach((key, add) -> collector.addAction(add, liveSince.get(key)));
    return new Snapshot(
        segment,
        protocol,
        metadata,
        live.values().stream().toList(),
        tombstones.values().stream().toList(),
        transactions,
        domains,
        collector.build());
  }
}
