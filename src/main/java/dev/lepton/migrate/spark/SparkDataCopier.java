package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.PlanSettings;
import dev.lepton.migrate.copy.CopyContext;
import dev.lepton.migrate.copy.FileCopier;
import dev.lepton.migrate.copy.ReplayFileCopier;
import dev.lepton.migrate.deltalog.DataCopier;
import dev.lepton.migrate.deltalog.ReplayFile;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.plan.TaskPacker;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.store.TargetCommitter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Copies the files of a table's new versions with Spark. The driver packs them into tasks of about
 * equal weight, because a sync's file list comes from the log and is already on the driver. One
 * Spark job runs per table and returns the rows of the files that did not end copied or adopted.
 * Each task writes all its rows to the run's result files before it ends.
 */
final class SparkDataCopier implements DataCopier {
  private final JavaSparkContext jsc;
  private final TaskExecution execution;
  private final PlanSettings settings;
  private final ProgressTracker tracker;
  private final long smallChangeBytes;

  /** The files one Spark task copies. */
  record ReplayTask(int id, String table, int tableIndex, List<ReplayFile> files) implements Serializable {
    ReplayTask {
      files = List.copyOf(files);
    }
  }

  /** Totals of one task, small enough to collect. */
  record TaskSummary(long filesCopied, long bytesCopied, List<ManifestRow> problems) implements Serializable {}

  /**
   * @param smallChangeBytes the most bytes a table's files may add up to for the driver to copy them
   *     in the calling thread, without a Spark job
   */
  SparkDataCopier(JavaSparkContext jsc, TaskExecution execution, PlanSettings settings, ProgressTracker tracker,
      long smallChangeBytes) {
    this.jsc = jsc;
    this.execution = execution;
    this.settings = settings;
    this.tracker = tracker;
    this.smallChangeBytes = smallChangeBytes;
  }

  /** Copies a small change in the calling thread and writes its rows as one result file. */
  private Outcome copyOnDriver(String table, int tableIndex, List<ReplayFile> files) {
    CopyContext context = execution.context();
    ReplayTask task = new ReplayTask(0, table, tableIndex, files);
    FileSystem sourceFs = Stores.fileSystem(context.source(), execution.conf().get());
    FileSystem targetFs = Stores.targetFileSystem(context.target(), execution.conf().get());
    ReplayFileCopier copier = new ReplayFileCopier(context, sourceFs,
        new FileCopier(context, sourceFs, targetFs, tracker.bytesAccumulator()::add), table);
    CopiedFiles result = copyEach(copier, task);
    execution.writeRows(result.rows(), "sync-" + tableIndex + "-data-driver");
    tracker.filesAccumulator().add(result.rows().size());
    return new Outcome(result.summary().filesCopied(), result.summary().bytesCopied(), result.summary().problems());
  }

  @Override
  public Outcome copy(String table, int tableIndex, List<ReplayFile> files) {
    if (files.isEmpty()) {
      return new Outcome(0, 0, List.of());
    }
    long planned = files.stream().mapToLong(f -> Math.max(0, f.sizeHint())).sum();
    if (planned <= smallChangeBytes) {
      return copyOnDriver(table, tableIndex, files);
    }
    List<ReplayTask> tasks = pack(table, tableIndex, files);
    jsc.setJobGroup("lepton-sync-" + tableIndex, "Sync table '" + (table.isEmpty() ? "." : table) + "': copy "
        + files.size() + " files in " + tasks.size() + " tasks", false);
    CopyContext context = execution.context();
    HadoopConf conf = execution.conf();
    Location stateDir = execution.stateDir();
    LongAccumulator filesDone = tracker.filesAccumulator();
    LongAccumulator bytesDone = tracker.bytesAccumulator();
    List<TaskSummary> summaries = jsc.parallelize(tasks, tasks.size())
        .map(task -> run(task, context, conf, stateDir, filesDone, bytesDone))
        .collect();
    long copied = 0;
    long bytes = 0;
    List<ManifestRow> problems = new ArrayList<>();
    for (TaskSummary summary : summaries) {
      copied += summary.filesCopied();
      bytes += summary.bytesCopied();
      problems.addAll(summary.problems());
    }
    return new Outcome(copied, bytes, problems);
  }

  /** Packs the files by size plus a fixed cost per file, as the copy command packs data files. */
  private List<ReplayTask> pack(String table, int tableIndex, List<ReplayFile> files) {
    List<PlannedFile> weights = new ArrayList<>(files.size());
    long totalWeight = 0;
    for (int i = 0; i < files.size(); i++) {
      long size = Math.max(0, files.get(i).sizeHint());
      weights.add(new PlannedFile(new FileEntry(Integer.toString(i), size, 0, null), FileAction.COPY, "", null, -1));
      totalWeight += size + settings.perFileCost();
    }
    int minTasks = jsc.defaultParallelism() * settings.minTasksPerCore();
    TaskPacker packer = new TaskPacker(TaskPacker.targetWeight(settings.taskSize(), totalWeight, minTasks),
        settings.perFileCost());
    List<ReplayTask> tasks = new ArrayList<>();
    for (List<PlannedFile> group : packer.pack(weights)) {
      List<ReplayFile> members = group.stream().map(w -> files.get(Integer.parseInt(w.relativePath()))).toList();
      tasks.add(new ReplayTask(tasks.size(), table, tableIndex, members));
    }
    return tasks;
  }

  private static TaskSummary run(ReplayTask task, CopyContext context, HadoopConf conf, Location stateDir,
      LongAccumulator filesDone, LongAccumulator bytesDone) throws java.io.IOException {
    FileSystem sourceFs = Stores.fileSystem(context.source(), conf.get());
    FileSystem targetFs = Stores.targetFileSystem(context.target(), conf.get());
    FileSystem stateFs = Stores.targetFileSystem(stateDir, conf.get());
    ReplayFileCopier copier = new ReplayFileCopier(context, sourceFs,
        new FileCopier(context, sourceFs, targetFs, bytesDone::add), task.table());
    CopiedFiles result = copyEach(copier, task);
    String name = "sync-" + task.tableIndex() + "-data-" + task.id() + "-"
        + org.apache.spark.TaskContext.get().attemptNumber();
    TaskResultFile.write(stateFs, stateDir, context.runId(), name, result.rows());
    filesDone.add(result.rows().size());
    return result.summary();
  }

  /** The rows of every file of a task, and their totals. */
  private record CopiedFiles(List<ManifestRow> rows, TaskSummary summary) {}

  /** Copies each file of a task with create-if-absent, counting those copied and those that failed. */
  private static CopiedFiles copyEach(ReplayFileCopier copier, ReplayTask task) {
    List<ManifestRow> rows = new ArrayList<>(task.files().size());
    List<ManifestRow> problems = new ArrayList<>();
    long copied = 0;
    long bytes = 0;
    for (ReplayFile file : task.files()) {
      ManifestRow row = copier.copy(file, TargetCommitter.Mode.CREATE_IF_ABSENT);
      rows.add(row);
      if (row.status().equals(ManifestRow.COPIED)) {
        copied++;
        bytes += row.bytesCopied();
      } else if (!row.status().equals(ManifestRow.ADOPTED)) {
        problems.add(row);
      }
    }
    return new CopiedFiles(rows, new TaskSummary(copied, bytes, problems));
  }
}
