package dev.lepton.migrate.deltalog;

import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists every file a copy of a log segment needs; see {@link DeltaLog#filesReferenced}. */
final class SegmentFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentFiles.class);

  private SegmentFiles() {}

  /** Receives each action that a read of a segment passes through, with the action's version. */
  @FunctionalInterface
  interface ActionListener {
    ActionListener NONE = (action, version) -> {};

    void accept(Action action, long version);
  }

  static ReferencedFiles of(FileSystem fs, LogSegment segment) {
    return of(fs, segment, ActionListener.NONE);
  }

  /**
   * Lists the files a copy of {@code segment} needs and passes the actions read on the way to
   * {@code listener}: the add actions of the base checkpoint, then every action of each commit.
   */
  static ReferencedFiles of(FileSystem fs, LogSegment segment, ActionListener listener) {
    long started = System.nanoTime();
    ReferencedFileCollector collector = new ReferencedFileCollector(segment.tableRoot());
    CheckpointReader checkpoints = new CheckpointReader(fs, segment.tableRoot());
    JsonActionReader commits = new JsonActionReader(fs, segment.tableRoot());

    // A checkpoint holds only live add actions and tombstones, so its adds are the live files.
    segment.checkpoint().ifPresent(base ->
        checkpoints.read(base, Set.of("add"), action -> {
          collector.addAction(action, base.version());
          listener.accept(action, base.version());
        }));

    for (LogFile commit : segment.commits()) {
      commits.read(commit.path(), action -> {
        collector.addAction(action, commit.version());
        listener.accept(action, commit.version());
      });
      collector.addLogFile(commit, ReferencedFile.Kind.COMMIT);
    }
    for (Checkpoint checkpoint : segment.checkpoints()) {
      for (LogFile part : checkpoint.files()) {
        collector.addLogFile(part, ReferencedFile.Kind.CHECKPOINT);
      }
      for (Sidecar sidecar : checkpoints.sidecars(checkpoint)) {
        collector.addSidecar(checkpoints.sidecarPath(sidecar), sidecar, checkpoint.version());
      }
    }
    for (LogFile file : segment.auxiliaryFiles()) {
      collector.addLogFile(file, kindOf(file));
    }
    ReferencedFiles files = collector.build();
    LOG.info(
        "Listed {} files referenced by versions {} to {} of {} in {} ms",
        files.files().size(),
        segment.checkpoint().isPresent() ? segment.fromExclusive() : segment.fromExclusive() + 1,
        segment.version(),
        segment.tableRoot(),
        (System.nanoTime() - started) / 1_000_000);
    return files;
  }

  private static ReferencedFile.Kind kindOf(LogFile file) {
    return switch (file.type()) {
      case COMMIT -> ReferencedFile.Kind.COMMIT;
      case VERSION_CHECKSUM -> ReferencedFile.Kind.VERSION_CHECKSUM;
      case LOG_COMPACTION -> ReferencedFile.Kind.LOG_COMPACTION;
      default -> ReferencedFile.Kind.CHECKPOINT;
    };
  }
}
