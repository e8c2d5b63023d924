package dev.lepton.migrate.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's SparkSession. Under spark-submit the master and cluster settings come from the
 * submitter; run from bin/lepton-migrate there is no master, so the job starts an embedded
 * {@code local[*]} Spark bound to 127.0.0.1.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Returns the active session or builds one with Delta Lake enabled and the given Spark or Hadoop
   * settings ({@code spark.hadoop.*} keys reach the Hadoop configuration, as with spark-submit).
   */
  public static SparkSession getOrCreate(String appName, Map<String, String> settings) {
    SparkConf conf = new SparkConf(true);
    settings.forEach(conf::set);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      // Executor heartbeats carry the bytes of running copy tasks to the progress line.
      conf.setIfMissing("spark.executor.heartbeatInterval", "2s");
    }
    conf.setIfMissing("spark.app.name", appName);
    // The manifest schema has more fields than the default 25 that Spark prints before it warns.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "100");
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    loadFileSystemsMeanwhile();
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * Loads Hadoop's registry of file systems in another thread while the session starts. The first
   * file system a JVM opens loads every connector on the class path (S3A, ABFS, WASB, GCS), which
   * took 0.9 s in the sync benchmark and would otherwise delay the job's first listing.
   */
  private static void loadFileSystemsMeanwhile() {
    Thread loader = new Thread(() -> {
      try {
        org.apache.hadoop.fs.FileSystem.getFileSystemClass("file", new org.apache.hadoop.conf.Configuration());
      } catch (java.io.IOException | RuntimeException | LinkageError e) {
        // The job opens its file systems later and reports any failure then.
      }
    }, "lepton-load-file-systems");
    loader.setDaemon(true);
    loader.start();
  }
}
