package dev.lepton.migrate.generate;

import dev.lepton.migrate.store.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a plan of raw files with Spark tasks, balanced by size across the tasks. */
final class RawFilesJob {
  private static final Logger LOG = LoggerFactory.getLogger(RawFilesJob.class);

  private RawFilesJob() {}

  /** Files and bytes written. */
  record Result(long files, long bytes) {
    static final Result NONE = new Result(0, 0);
  }

  /**
   * Deletes the folder {@code rawRoot} with everything in it, then writes the planned files below
   * it. Files are written without Hadoop {@code .crc} sidecar files.
   */
  static Result write(SparkSession spark, Path rawRoot, List<RawFileSpec> plan) {
    long start = System.nanoTime();
    HadoopConf conf =
        new HadoopConf(spark.sparkContext().hadoopConfiguration());
    replaceFolder(conf, rawRoot);

    List<List<RawFileSpec>> batches = balance(plan, spark.sparkContext().defaultParallelism());
    List<Long> sizes =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(batches, Math.max(1, batches.size()))
            .flatMap(new WriteBatch(conf, rawRoot))
            .collect();

    Result result = new Result(sizes.size(), sizes.stream().mapToLong(Long::longValue).sum());
    LOG.info(
        "Wrote {} raw files, {} bytes, to {} in {} ms",
        result.files(),
        result.bytes(),
        rawRoot,
        (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  private static void replaceFolder(HadoopConf conf, Path rawRoot) {
    try {
      FileSystem fs = rawRoot.getFileSystem(conf.get());
      fs.delete(rawRoot, true);
      fs.mkdirs(rawRoot);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot replace raw folder " + rawRoot + ": " + e.getMessage()
              + ". Check that the target is writable.",
          e);
    }
  }

  /**
   * Splits the plan into at most {@code slots} batches of about equal bytes: largest files first,
   * each into the lightest batch so far.
   */
  static List<List<RawFileSpec>> balance(List<RawFileSpec> plan, int slots) {
    int count = Math.max(1, Math.min(slots, plan.size()));
    List<List<RawFileSpec>> batches = new ArrayList<>();
    long[] batchBytes = new long[count];
    for (int i = 0; i < count; i++) {
      batches.add(new ArrayList<>());
    }
    List<RawFileSpec> bySizeDescending = new ArrayList<>(plan);
    bySizeDescending.sort(Comparator.comparingLong(RawFileSpec::plannedBytes).reversed());
    for (RawFileSpec spec : bySizeDescending) {
      int lightest = 0;
      for (int i = 1; i < count; i++) {
        if (batchBytes[i] < batchBytes[lightest]) {
          lightest = i;
        }
      }
      batches.get(lightest).add(spec);
      batchBytes[lightest] += spec.plannedBytes();
    }
    return batches;
  }

  /** The task body: writes one batch and returns the size of each file written. */
  private record WriteBatch(HadoopConf conf, Path rawRoot)
      implements FlatMapFunction<List<RawFileSpec>, Long> {

    @Override
    public Iterator<Long> call(List<RawFileSpec> batch) throws IOException {
      List<Long> sizes = new ArrayList<>(batch.size());
      // A private instance, because turning checksums off on the cached one would reach every
      // other user of that file system in this JVM.
      try (FileSystem fs = FileSystem.newInstance(rawRoot.toUri(), conf.get())) {
        fs.setWriteChecksum(false);
        for (RawFileSpec spec : batch) {
          sizes.add(RawFileWriter.write(fs, rawRoot, spec));
        }
      }
      return sizes.iterator();
    }
  }
}
