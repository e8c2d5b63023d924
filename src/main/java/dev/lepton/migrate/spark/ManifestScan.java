package dev.lepton.migrate.spark;

import dev.lepton.migrate.LeptonException;
import dev.lepton.migrate.report.ManifestFiles;
import dev.lepton.migrate.report.ManifestFiles.DataFiles;
import dev.lepton.migrate.report.ManifestParquetFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the manifest's rows with Spark tasks but without Spark SQL: the driver lists the data files
 * of the table's latest snapshot with the job's own Delta log reader, and each task reads some of
 * them. This skips what Spark's Delta reader costs before it reads a row (starting Spark SQL and
 * replaying the log in Spark jobs), seconds even for a manifest of a few rows.
 *
 * <p>Only tables that need Delta reader protocol 1 and have no partition columns are read this
 * way: they have no deletion vectors and no column mapping, so every row of every live file counts
 * and columns are found by name. The job writes its manifest like that; for any other table {@link
 * #dataFiles} returns empty and the caller reads with Spark's Delta reader.
 */
final class ManifestScan {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestScan.class);
  /** Data files one task reads at most, so a manifest of many small appends still reads in parallel. */
  static final int FILES_PER_TASK = 64;
  /** Bytes of data files one task reads at most. */
  static final long BYTES_PER_TASK = 128L << 20;

  private ManifestScan() {}

  /**
   * Returns the data files of the table's latest snapshot, none when the table does not exist, or
   * empty when the table needs Spark's Delta reader.
   */
  static Optional<DataFiles> dataFiles(Location table, HadoopConf conf) {
    try {
      FileSystem fs = Stores.fileSystem(table, conf.get());
      return ManifestFiles.dataFiles(fs, table.path(), unsupported -> LOG.info(
          "Reading the manifest {} with Spark's Delta reader: reader protocol {}, partition columns {}",
          table, unsupported.readerVersion(), unsupported.partitionColumns()));
    } catch (LeptonException | UncheckedIOException e) {
      LOG.warn("Cannot read the log of the manifest {} without Spark ({}); reading it with Spark's Delta reader",
          table, e.toString());
      return Optional.empty();
    }
  }

  /**
   * Returns the rows of {@code files} and of the result files in {@code pendingFolders}, read by
   * Spark tasks. Nothing is read until an action runs.
   */
  static JavaRDD<ManifestRow> rows(JavaSparkContext jsc, DataFiles files, List<Path> pendingFolders,
      HadoopConf conf) {
    // A broadcast ships the Hadoop configuration once rather than inside every task.
    Broadcast<HadoopConf> taskConf = jsc.broadcast(conf);
    JavaRDD<ManifestRow> rows = jsc.emptyRDD();
    if (!files.paths().isEmpty()) {
      rows = jsc.parallelize(files.paths(), tasks(files)).flatMap(path -> {
        Path file = new Path(path);
        return ManifestParquetFile.rows(file, taskConf.value().get());
      });
    }
    if (!pendingFolders.isEmpty()) {
      List<String> folders = pendingFolders.stream().map(Path::toString).toList();
      rows = rows.union(jsc.parallelize(folders, folders.size()).flatMap(name -> {
        Path folder = new Path(name);
        return TaskResultFile.readAll(folder.getFileSystem(taskConf.value().get()), folder).iterator();
      }));
    }
    return rows;
  }

  /** Returns how many tasks read {@code files}: enough to keep each under both per-task limits. */
  static int tasks(DataFiles files) {
    long byFiles = (files.paths().size() + FILES_PER_TASK - 1) / FILES_PER_TASK;
    long byBytes = (files.bytes() + BYTES_PER_TASK - 1) / BYTES_PER_TASK;
    return (int) Math.max(1, Math.min(files.paths().size(), Math.max(byFiles, byBytes)));
  }
}
