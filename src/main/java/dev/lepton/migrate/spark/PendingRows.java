package dev.lepton.migrate.spark;

import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the task result files of runs that have not yet been appended to the manifest. */
final class PendingRows {
  private static final Logger LOG = LoggerFactory.getLogger(PendingRows.class);

  private PendingRows() {}

  /** Returns the run folders under {@code STATE/pending}, or none when the folder does not exist. */
  static List<Path> runFolders(SparkSession spark, Location stateDir) {
    Location root = TaskResultFile.pendingRoot(stateDir);
    FileSystem fs = Stores.fileSystem(root, spark.sparkContext().hadoopConfiguration());
    List<Path> folders = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(root.path())) {
        if (status.isDirectory()) {
          folders.add(status.getPath());
        }
      }
    } catch (FileNotFoundException e) {
      return folders;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list pending task results in " + root + ": " + e.getMessage(), e);
    }
    return folders;
  }

  /** Reads the rows of the given run folders as one Dataset in the manifest schema. */
  static Dataset<Row> read(SparkSession spark, List<Path> folders) {
    if (folders.isEmpty()) {
      return spark.createDataFrame(new ArrayList<>(), ManifestStore.SCHEMA);
    }
    String[] paths = folders.stream().map(p -> p.toString() + "/*.jsonl").toArray(String[]::new);
    return spark.read().schema(ManifestStore.SCHEMA).option("mode", "FAILFAST").json(paths);
  }

  /**
   * Appends the rows of killed runs to the manifest and removes their folders, leaving alone the
   * folders of {@code liveRunIds}, runs that still hold a lease.
   */
  static void foldStale(SparkSession spark, ManifestStore manifest, Location stateDir, Set<String> liveRunIds) {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Path> all = runFolders(spark, stateDir).stream()
        .filter(folder -> !liveRunIds.contains(folder.getName()))
        .toList();
    List<Path> folders = all.stream().filter(folder -> hasResults(folder, conf)).toList();
    if (!folders.isEmpty()) {
      manifest.append(read(spark, folders));
      LOG.info("Recorded task results of {} earlier runs that ended before recording them", folders.size());
    }
    for (Path folder : all) {
      delete(spark, folder);
    }
  }

  static void delete(SparkSession spark, Path folder) {
    try {
      folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(folder, true);
    } catch (IOException e) {
      LOG.warn("Cannot delete {}: {}. The next run retries.", folder, e.getMessage());
    }
  }

  static boolean hasResults(Path folder, org.apache.hadoop.conf.Configuration conf) {
    try {
      FileSystem fs = folder.getFileSystem(conf);
      for (FileStatus status : fs.listStatus(folder)) {
        if (status.getPath().getName().endsWith(".jsonl")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
