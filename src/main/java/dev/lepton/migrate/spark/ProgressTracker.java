package dev.lepton.migrate.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.collection.JavaConverters;

/**
 * Counts files and bytes done across executors. Accumulators reach the driver when a task ends.
 * Bytes of running tasks arrive with executor heartbeats, so a few large files still move the
 * progress line while they copy.
 */
final class ProgressTracker extends SparkListener implements AutoCloseable {
  private final SparkContext context;
  private final LongAccumulator files;
  private final LongAccumulator bytes;
  private final Map<Long, Long> runningBytes = new ConcurrentHashMap<>();

  ProgressTracker(SparkContext context, String name) {
    this.context = context;
    this.files = context.longAccumulator(name + ".files");
    this.bytes = context.longAccumulator(name + ".bytes");
    context.addSparkListener(this);
  }

  LongAccumulator filesAccumulator() {
    return files;
  }

  LongAccumulator bytesAccumulator() {
    return bytes;
  }

  long filesDone() {
    return files.value();
  }

  long bytesDone() {
    return bytes.value() + runningBytes.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, scala.collection.Seq<AccumulableInfo>> task :
        JavaConverters.seqAsJavaList(update.accumUpdates())) {
      for (AccumulableInfo info : JavaConverters.seqAsJavaList(task._4())) {
        if (info.id() == bytes.id() && info.update().isDefined()) {
          runningBytes.put((Long) task._1(), ((Number) info.update().get()).longValue());
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    runningBytes.remove(taskEnd.taskInfo().taskId());
  }

  @Override
  public void close() {
    context.removeSparkListener(this);
  }
}
