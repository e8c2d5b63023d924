package dev.lepton.migrate.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Packs files into groups of about equal weight, where a file weighs its size plus a fixed per-file
 * cost. Files at least as heavy as the target get a group of their own. The others go, largest
 * first, into the lightest open group (longest-processing-time-first), so groups finish at about
 * the same time.
 */
public final class TaskPacker implements java.io.Serializable {
  private final long targetWeight;
  private final long perFileCost;

  public TaskPacker(long targetWeight, long perFileCost) {
    if (targetWeight <= 0 || perFileCost < 0) {
      throw new IllegalArgumentException("invalid packing weights " + targetWeight + ", " + perFileCost);
    }
    this.targetWeight = targetWeight;
    this.perFileCost = perFileCost;
  }

  /**
   * Chooses the weight per task: the configured size, lowered so that there are at least
   * {@code minTasks} tasks when the total allows it, but never below one per-file cost unit.
   */
  public static long targetWeight(long configuredTaskSize, long totalWeight, int minTasks) {
    long spread = Math.max(1, totalWeight / Math.max(1, minTasks));
    return Math.max(1, Math.min(configuredTaskSize, spread));
  }

  public long weight(PlannedFile file) {
    return file.source().size() + perFileCost;
  }

  /** Packs one batch of files; the input list is not changed. */
  public List<List<PlannedFile>> pack(List<PlannedFile> files) {
    List<PlannedFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(this::weight).reversed());

    List<List<PlannedFile>> groups = new ArrayList<>();
    long smallWeight = 0;
    int firstSmall = 0;
    while (firstSmall < sorted.size() && weight(sorted.get(firstSmall)) >= targetWeight) {
      groups.add(List.of(sorted.get(firstSmall)));
      firstSmall++;
    }
    for (int i = firstSmall; i < sorted.size(); i++) {
      smallWeight += weight(sorted.get(i));
    }
    if (firstSmall == sorted.size()) {
      return groups;
    }

    int binCount = (int) Math.max(1, (smallWeight + targetWeight - 1) / targetWeight);
    PriorityQueue<Bin> bins = new PriorityQueue<>(Comparator.comparingLong((Bin b) -> b.weight).thenComparingInt(b -> b.index));
    for (int i = 0; i < binCount; i++) {
      bins.add(new Bin(i));
    }
    for (int i = firstSmall; i < sorted.size(); i++) {
      Bin lightest = bins.poll();
      lightest.files.add(sorted.get(i));
      lightest.weight += weight(sorted.get(i));
      bins.add(lightest);
    }
    bins.stream()
        .filter(b -> !b.files.isEmpty())
        .sorted(Comparator.comparingInt(b -> b.index))
        .forEach(b -> groups.add(b.files));
    return groups;
  }

  private static final class Bin {
    final int index;
    final List<PlannedFile> files = new ArrayList<>();
    long weight;

    Bin(int index) {
      this.index = index;
    }
  }
}
