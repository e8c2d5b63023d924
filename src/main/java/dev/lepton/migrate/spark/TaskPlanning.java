package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.PlanSettings;
import dev.lepton.migrate.plan.CopyTask;
import dev.lepton.migrate.plan.DeltaLogOrder;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.plan.TaskPacker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Turns planned files into Spark tasks. Data files are packed by weight without leaving the
 * cluster: each batch of at most {@value #FILES_PER_BATCH} files is packed where it lies, once to
 * count its groups and once more, identically, to number them; then each group moves to a Spark
 * partition of its own. Delta log files are few, so the driver groups them into one ordered task
 * per table.
 */
final class TaskPlanning {
  static final int FILES_PER_BATCH = 200_000;

  private TaskPlanning() {}

  /** Data tasks, one per Spark partition (null when there are none), and how many there are. */
  record DataTasks(JavaRDD<CopyTask> tasks, int count, long targetWeight) {}

  static DataTasks dataTasks(JavaRDD<PlannedFile> files, long fileCount, long bytes, PlanSettings settings, int cores) {
    long totalWeight = bytes + fileCount * settings.perFileCost();
    long targetWeight = TaskPacker.targetWeight(settings.taskSize(), totalWeight, cores * settings.minTasksPerCore());
    TaskPacker packer = new TaskPacker(targetWeight, settings.perFileCost());
    int batches = (int) Math.max(1, (fileCount + FILES_PER_BATCH - 1) / FILES_PER_BATCH);
    JavaRDD<PlannedFile> batched = files.coalesce(batches);

    List<Tuple2<Integer, Integer>> counts = batched.mapPartitionsWithIndex(
        (index, it) -> List.of(new Tuple2<>(index, packer.pack(toList(it)).size())).iterator(), true).collect();
    Map<Integer, Integer> offsets = new TreeMap<>();
    int total = 0;
    for (Tuple2<Integer, Integer> count : sorted(counts)) {
      offsets.put(count._1(), total);
      total += count._2();
    }
    if (total == 0) {
      return new DataTasks(null, 0, targetWeight);
    }
    JavaPairRDD<Integer, CopyTask> keyed = batched.mapPartitionsWithIndex((index, it) -> {
      List<List<PlannedFile>> groups = packer.pack(toList(it));
      int offset = offsets.get(index);
      List<Tuple2<Integer, CopyTask>> tasks = new ArrayList<>(groups.size());
      for (int i = 0; i < groups.size(); i++) {
        tasks.add(new Tuple2<>(offset + i, new CopyTask(offset + i, groups.get(i), CopyTask.Ordering.ANY)));
      }
      return tasks.iterator();
    }, true).mapToPair(t -> t);
    JavaRDD<CopyTask> oneTaskPerPartition = keyed.partitionBy(new ExactPartitioner(total)).values();
    return new DataTasks(oneTaskPerPartition, total, targetWeight);
  }

  /** Groups log files by table and orders them for commit; ids continue after the data tasks. */
  static List<CopyTask> logTasks(List<PlannedFile> logFiles, int firstId) {
    Map<String, List<PlannedFile>> byTable = new TreeMap<>();
    for (PlannedFile file : logFiles) {
      byTable.computeIfAbsent(DeltaLogOrder.tableOf(file.relativePath()), t -> new ArrayList<>()).add(file);
    }
    List<CopyTask> tasks = new ArrayList<>();
    int id = firstId;
    for (List<PlannedFile> files : byTable.values()) {
      files.sort((a, b) -> DeltaLogOrder.comparator().compare(a.relativePath(), b.relativePath()));
      tasks.add(new CopyTask(id++, files, CopyTask.Ordering.DELTA_LOG));
    }
    return tasks;
  }

  private static List<Tuple2<Integer, Integer>> sorted(List<Tuple2<Integer, Integer>> counts) {
    List<Tuple2<Integer, Integer>> copy = new ArrayList<>(counts);
    copy.sort((a, b) -> Integer.compare(a._1(), b._1()));
    return copy;
  }

  private static List<PlannedFile> toList(Iterator<PlannedFile> it) {
    List<PlannedFile> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return Collections.unmodifiableList(list);
  }

  /** Sends key i to partition i, so each copy task runs as exactly one Spark task. */
  static final class ExactPartitioner extends Partitioner {
    private final int partitions;

    ExactPartitioner(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ExactPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }
}
