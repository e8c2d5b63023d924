package dev.lepton.migrate.deltalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the replay of a source table's log onto a target that has the same table up to some
 * version. Reads only the source's log: the commits the target lacks, and for a first sync after
 * log cleanup the add actions of one checkpoint. It never lists data files.
 */
public final class ReplayPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayPlanner.class);

  private ReplayPlanner() {}

  /**
   * Plans the sync of {@code source} from the target's {@code targetVersion} (-1 when the target
   * has no table) to {@code sourceVersion}.
   *
   * <p>The replay starts after the target's latest version when the source still has the next
   * commit; the plan then also lists the checksum, checkpoint and sidecar files of the target's
   * latest version, which the caller skips where the target has them. A target without a table gets the whole history when the source log starts at version
   * 0. Otherwise log retention has removed commits the target lacks, and the replay starts from the
   * oldest checkpoint after the target's version from which the source's commits are complete, so
   * that the target can read every version the source can.
   *
   * @throws dev.lepton.migrate.InvalidInputException when the log names a data, deletion vector or
   *     change data file by an absolute path
   * @throws dev.lepton.migrate.InvariantViolationException when no such checkpoint exists
   */
  public static ReplayPlan plan(DeltaLog source, String table, long targetVersion, long sourceVersion) {
    return plan(source, table, targetVersion, sourceVersion, AbsolutePathPolicy.REJECT);
  }

  /**
   * Plans as {@link #plan(DeltaLog, String, long, long)} does; with {@link AbsolutePathPolicy#REWRITE}
   * absolute paths into the table become relative files of the plan, and the plan records that.
   */
  public static ReplayPlan plan(
      DeltaLog source, String table, long targetVersion, long sourceVersion, AbsolutePathPolicy absolutePaths) {
    if (targetVersion >= sourceVersion) {
      return new ReplayPlan(table, targetVersion, sourceVersion, ReplayPlan.Start.UP_TO_DATE,
          targetVersion + 1, List.of(), List.of(), List.of(), Optional.empty(), false);
    }
    long started = System.nanoTime();
    LogListing listing = source.list();
    ReplayPlan.Start start;
    LogSegment segment;
    Optional<String> unavailable = Optional.empty();
    long earliest = listing.earliestCommitVersion().orElse(Long.MAX_VALUE);
    if (targetVersion >= 0 && earliest <= targetVersion + 1) {
      start = ReplayPlan.Start.AFTER_TARGET;
      // With the target's own version, whose checksum or checkpoint a killed sync may have missed.
      segment = source.continuation(targetVersion, sourceVersion);
    } else if (targetVersion < 0 && earliest == 0) {
      start = ReplayPlan.Start.FULL_HISTORY;
      segment = source.segment(-1, sourceVersion);
    } else {
      start = ReplayPlan.Start.FROM_CHECKPOINT;
      Checkpoint base = oldestCompleteBase(listing, targetVersion, sourceVersion);
      segment = source.segmentFromCheckpoint(base, sourceVersion);
      if (base.version() > targetVersion + 1) {
        unavailable = Optional.of(targetVersion + 1 == base.version() - 1
            ? Long.toString(targetVersion + 1) : (targetVersion + 1) + " to " + (base.version() - 1));
      }
    }

    LogPaths paths = new LogPaths(source.tableRoot());
    Liveness liveness = new Liveness(paths);
    ReferencedFiles referenced = SegmentFiles.of(source.fileSystem(), segment, liveness);
    List<ReplayFile> data = new ArrayList<>();
    List<ReplayFile> log = new ArrayList<>();
    boolean rewritten = false;
    for (ReferencedFile file : referenced.files()) {
      String path = file.location().path();
      if (file.location().isAbsolute()) {
        path = relativeOrReject(source, paths, file, absolutePaths);
        rewritten = true;
      }
      long size = file.size().orElse(-1);
      if (file.isLogFile()) {
        log.add(new ReplayFile(path, file.kind(), file.version(), size, ReplayFile.STILL_NEEDED));
      } else {
        long lastNeeded = file.kind() == ReferencedFile.Kind.CHANGE_DATA
            ? file.version() : liveness.lastNeededVersion(path);
        data.add(new ReplayFile(path, file.kind(), file.version(), size,
            Math.max(file.version(), lastNeeded)));
      }
    }
    log.sort(Comparator.comparing(ReplayFile::path, dev.lepton.migrate.plan.DeltaLogOrder.comparator()));
    long firstVersion = start == ReplayPlan.Start.FROM_CHECKPOINT ? segment.fromExclusive() : segment.fromExclusive() + 1;
    ReplayPlan plan = new ReplayPlan(table, targetVersion, sourceVersion, start, firstVersion, data, log,
        liveness.removals(), unavailable, rewritten);
    LOG.info("Planned sync of {} from version {} to {} ({}): {} files to copy, {} log files, in {} ms",
        source.tableRoot(), firstVersion, sourceVersion, start, data.size(), log.size(),
        (System.nanoTime() - started) / 1_000_000);
    return plan;
  }

  /** Returns the relative path an absolute one into the table rewrites to, or rejects it. */
  private static String relativeOrReject(
      DeltaLog source, LogPaths paths, ReferencedFile file, AbsolutePathPolicy policy) {
    Optional<String> inside = paths.insideTable(file.location());
    if (file.kind() == ReferencedFile.Kind.DELETION_VECTOR) {
      throw LogErrors.absoluteDeletionVector(source.tableRoot(), file.version(), file.location().path());
    }
    if (inside.isEmpty() || policy != AbsolutePathPolicy.REWRITE) {
      throw LogErrors.absolutePath(source.tableRoot(), file.version(), file.kind(), file.location().path(),
          inside.isPresent());
    }
    return inside.get();
  }

  /**
   * Returns the oldest complete checkpoint after {@code targetVersion} from which the commits up to
   * {@code sourceVersion} are all present.
   */
  private static Checkpoint oldestCompleteBase(LogListing listing, long targetVersion, long sourceVersion) {
    for (Checkpoint checkpoint : listing.checkpoints()) {
      long version = checkpoint.version();
      if (version <= targetVersion || version > sourceVersion) {
        continue;
      }
      if (listing.commitsBetween(version + 1, sourceVersion).size() == sourceVersion - version) {
        return checkpoint;
      }
    }
    throw LogErrors.noCheckpointToSyncFrom(listing.tableRoot(), targetVersion, sourceVersion,
        listing.earliestCommitVersion().orElse(-1L));
  }
}
