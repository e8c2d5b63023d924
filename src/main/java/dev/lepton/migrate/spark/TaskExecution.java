package dev.lepton.migrate.spark;

import dev.lepton.migrate.copy.CopyContext;
import dev.lepton.migrate.copy.CopyTaskRunner;
import dev.lepton.migrate.copy.FileCopier;
import dev.lepton.migrate.copy.ThrottleCounters;
import dev.lepton.migrate.copy.ThrottleGovernor;
import dev.lepton.migrate.plan.CopyTask;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs copy tasks on the executors and makes each task's manifest rows durable: every finished
 * task writes them to {@code STATE/pending/RUN_ID/} before it ends, and the run records them in
 * the manifest at its end (or the next run does, after a crash).
 */
final class TaskExecution {
  private final RunLayout layout;
  private final HadoopConf conf;
  private final CopyContext context;
  private HadoopConf taskConf;
  private boolean freshTargetInstances;
  private int executorSlots;
  private LongAccumulator throttled;

  TaskExecution(RunLayout layout, HadoopConf conf, CopyContext context) {
    this.layout = layout;
    this.conf = conf;
    this.context = context;
    this.taskConf = conf;
  }

  /**
   * Makes tasks share one {@link ThrottleGovernor} per executor, allowing at most {@code slots}
   * copies at once, and count throttled responses in {@code counter}.
   */
  void governThrottling(int slots, LongAccumulator counter) {
    this.executorSlots = slots;
    this.throttled = counter;
  }

  /**
   * Applies connector settings chosen for this run, such as upload part sizes, to the target. Tasks
   * then open their own target file system instance, because cached instances keep the settings
   * they were created with.
   */
  void useTargetSettings(Map<String, String> settings) {
    Configuration sized = new Configuration(conf.get());
    settings.forEach(sized::set);
    taskConf = new HadoopConf(sized);
    freshTargetInstances = true;
  }

  CopyContext context() {
    return context;
  }

  HadoopConf conf() {
    return conf;
  }

  Location stateDir() {
    return layout.stateDir();
  }

  /** Runs {@code tasks}, naming each result file {@code PHASE-TASK_ID-ATTEMPT}. */
  void execute(JavaRDD<CopyTask> tasks, String phase, ProgressTracker tracker) {
    CopyContext taskContext = context;
    LongAccumulator files = tracker.filesAccumulator();
    LongAccumulator bytes = tracker.bytesAccumulator();
    Location stateDir = layout.stateDir();
    HadoopConf hadoop = taskConf;
    boolean fresh = freshTargetInstances;
    int slots = executorSlots;
    LongAccumulator throttledCount = throttled;
    tasks.foreachPartition(it -> {
      FileSystem sourceFs = Stores.fileSystem(taskContext.source(), hadoop.get());
      FileSystem targetFs = fresh
          ? Stores.newTargetInstance(taskContext.target(), hadoop.get())
          : Stores.targetFileSystem(taskContext.target(), hadoop.get());
      FileSystem stateFs = Stores.targetFileSystem(stateDir, hadoop.get());
      try {
        FileCopier copier = new FileCopier(taskContext, sourceFs, targetFs, bytes::add);
        CopyTaskRunner runner = throttledCount == null
            ? new CopyTaskRunner(copier)
            : new CopyTaskRunner(copier, ThrottleCounters.governor(slots), throttledCount::add);
        while (it.hasNext()) {
          CopyTask task = it.next();
          List<ManifestRow> rows = runner.run(task);
          String name = phase + "-" + task.id() + "-" + org.apache.spark.TaskContext.get().attemptNumber();
          TaskResultFile.write(stateFs, stateDir, taskContext.runId(), name, rows);
          files.add(rows.size());
        }
      } finally {
        if (fresh) {
          targetFs.close();
        }
      }
    });
  }

  /** Writes rows made on the driver as one result file of this run. */
  void writeRows(List<ManifestRow> rows, String name) {
    try {
      FileSystem stateFs = Stores.targetFileSystem(layout.stateDir(), conf.get());
      TaskResultFile.write(stateFs, layout.stateDir(), context.runId(), name, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write task results to " + layout.stateDir() + ": " + e.getMessage(), e);
    }
  }

  /** Returns this run's folder of result files. */
  org.apache.hadoop.fs.Path pendingFolder() {
    return TaskResultFile.pendingRoot(layout.stateDir()).child(context.runId()).path();
  }
}
