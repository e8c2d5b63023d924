package dev.lepton.migrate.deltalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete checkpoint: one classic or UUID-named file, or every part of a multi-part checkpoint.
 * Sidecar files of a V2 checkpoint are found only by reading it, so they are not part of this
 * value.
 *
 * @param version the table version the checkpoint contains
 * @param files the checkpoint files, ordered by part number
 */
public record Checkpoint(long version, List<LogFile> files) {

  public Checkpoint {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("A checkpoint needs at least one file");
    }
    LogFile first = files.get(0);
    if (first.parts() != files.size()) {
      throw new IllegalArgumentException(
          "Checkpoint at version " + version + " is incomplete: it has " + files.size() + " of "
              + first.parts() + " parts");
    }
    for (int i = 0; i < files.size(); i++) {
      LogFile file = files.get(i);
      if (!file.isCheckpoint() || file.version() != version || file.type() != first.type()) {
        throw new IllegalArgumentException(
            "File " + file.path() + " is not a checkpoint of the same kind at version " + version);
      }
      if (file.part() != i + 1 || file.parts() != files.size()) {
        throw new IllegalArgumentException(
            "Checkpoint at version " + version + " must list parts 1 to " + files.size()
                + " in order, but found " + file.path().getName() + " at position " + (i + 1));
      }
    }
  }

  /** Returns the kind of file that makes up this checkpoint. */
  public LogFile.Type type() {
    return files.get(0).type();
  }

  /**
   * Groups the checkpoint files of one listing into complete checkpoints, ordered by version and,
   * within a version, by preference: UUID-named, then classic, then multi-part. Multi-part sets with
   * a missing part are left out, as the protocol requires, and returned through {@code incomplete}.
   */
  static List<Checkpoint> completeOnes(List<LogFile> listing, List<String> incomplete) {
    Map<String, List<LogFile>> groups = new LinkedHashMap<>();
    for (LogFile file : listing) {
      if (!file.isCheckpoint()) {
        continue;
      }
      // Two writers racing can leave multi-part sets of different sizes for one version.
      String key =
          file.type() == LogFile.Type.MULTI_PART_CHECKPOINT
              ? file.version() + "/" + file.parts()
              : file.path().getName();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
    }
    List<Checkpoint> complete = new ArrayList<>();
    for (List<LogFile> group : groups.values()) {
      group.sort(Comparator.comparingInt(LogFile::part));
      LogFile first = group.get(0);
      if (group.size() == first.parts()) {
        complete.add(new Checkpoint(first.version(), group));
      } else {
        incomplete.add(describeMissingParts(group));
      }
    }
    complete.sort(
        Comparator.comparingLong(Checkpoint::version)
            .thenComparing(c -> preference(c.type()), Comparator.reverseOrder()));
    return complete;
  }

  /** Returns the newest checkpoint at or before {@code version}, preferring the better kind. */
  static Optional<Checkpoint> newestAtOrBefore(List<Checkpoint> checkpoints, long version) {
    Checkpoint best = null;
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.version() > version) {
        break;
      }
      if (best == null || checkpoint.version() > best.version()) {
        best = checkpoint;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String describeMissingParts(List<LogFile> sortedGroup) {
    LogFile first = sortedGroup.get(0);
    List<Integer> missing = new ArrayList<>();
    for (int part = 1; part <= first.parts(); part++) {
      int number = part;
      if (sortedGroup.stream().noneMatch(file -> file.part() == number)) {
        missing.add(part);
      }
    }
    return "the checkpoint at version " + first.version() + " misses part(s) " + missing
        + " of " + first.parts();
  }

  private static int preference(LogFile.Type type) {
    return switch (type) {
      case UUID_CHECKPOINT -> 3;
      case CLASSIC_CHECKPOINT -> 2;
      default -> 1;
    };
  }
}
