package dev.lepton.migrate.deltalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the add and remove actions of a segment to tell, for each physical file (data file or
 * deletion vector file), whether the segment's last version still needs it. A logical file is a
 * data file with one deletion vector. A physical file is needed while any live logical file names
 * it, so a data file whose deletion vector changed stays needed.
 */
final class Liveness implements SegmentFiles.ActionListener {
  private final LogPaths paths;
  private final Map<String, List<String>> liveLogical = new HashMap<>();
  private final Map<String, Long> lastRemoved = new HashMap<>();
  private final Map<Long, Long> commitTimestamps = new HashMap<>();
  private final List<PendingRemoval> pending = new ArrayList<>();
  private final long readAt = System.currentTimeMillis();
  private Set<String> livePhysical;

  private record PendingRemoval(String path, long version, long deletionTimestamp) {}

  Liveness(LogPaths paths) {
    this.paths = paths;
  }

  @Override
  public void accept(Action action, long version) {
    if (action instanceof AddFile add) {
      liveLogical.put(logicalKey(add.path(), add.deletionVector()), physicalPaths(add.path(), add.deletionVector()));
      livePhysical = null;
    } else if (action instanceof RemoveFile remove) {
      liveLogical.remove(logicalKey(remove.path(), remove.deletionVector()));
      livePhysical = null;
      for (String path : physicalPaths(remove.path(), remove.deletionVector())) {
        lastRemoved.put(path, version);
        pending.add(new PendingRemoval(path, version, remove.deletionTimestamp().orElse(-1)));
      }
    } else if (action instanceof CommitInfo info) {
      info.inCommitTimestamp().ifPresentOrElse(
          t -> commitTimestamps.put(version, t),
          () -> info.timestamp().ifPresent(t -> commitTimestamps.put(version, t)));
    }
  }

  /**
   * Returns the last version that needs a physical file the segment references: the version
   * before the one that removed it, or {@link ReplayFile#STILL_NEEDED}.
   */
  long lastNeededVersion(String path) {
    if (livePhysical == null) {
      livePhysical = new HashSet<>();
      liveLogical.values().forEach(livePhysical::addAll);
    }
    Long removed = lastRemoved.get(path);
    if (removed == null || livePhysical.contains(path)) {
      return ReplayFile.STILL_NEEDED;
    }
    return removed - 1;
  }

  /**
   * Returns the removals of table-relative physical files that the segment's last version no
   * longer needs, in the order the log made them.
   */
  List<FileRemoval> removals() {
    List<FileRemoval> removals = new ArrayList<>();
    for (PendingRemoval removal : pending) {
      if (lastNeededVersion(removal.path()) == ReplayFile.STILL_NEEDED) {
        continue;
      }
      long at = removal.deletionTimestamp() >= 0 ? removal.deletionTimestamp()
          : commitTimestamps.getOrDefault(removal.version(), readAt);
      removals.add(new FileRemoval(removal.path(), removal.version(), at));
    }
    return removals;
  }

  private String logicalKey(String path, Optional<DeletionVectorDescriptor> dv) {
    return paths.replayKey(path) + '\0' + dv.map(DeletionVectorDescriptor::uniqueId).orElse("");
  }

  private List<String> physicalPaths(String path, Optional<DeletionVectorDescriptor> dv) {
    List<String> physical = new ArrayList<>(2);
    relativeOf(paths.locate(path)).ifPresent(physical::add);
    dv.flatMap(DeletionVectorDescriptor::filePath).map(paths::locate).flatMap(this::relativeOf)
        .ifPresent(physical::add);
    return physical;
  }

  /** Returns the path relative to the table of a location inside it, written either way. */
  private Optional<String> relativeOf(FileLocation location) {
    return location.isAbsolute() ? paths.insideTable(location) : Optional.of(location.path());
  }
}
