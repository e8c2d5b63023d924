package dev.lepton.migrate.testing;

import dev.lepton.migrate.spark.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the whole test JVM, with Delta enabled and everything bound to
 * 127.0.0.1. Starting Spark and the first Delta round trip cost tens of seconds, so test classes
 * share it and never stop it.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  /**
   * Closes the cached file system of a store root, so that a server started later on another port
   * under the same bucket name gets a new client instead of one that points at the stopped server.
   */
  public static void forgetFileSystem(String rootUri) {
    try {
      org.apache.hadoop.fs.FileSystem.get(java.net.URI.create(rootUri), session().sparkContext().hadoopConfiguration())
          .close();
    } catch (java.io.IOException | RuntimeException e) {
      // Nothing cached, or the client cannot even start: either way no stale client stays behind.
    }
  }

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSessions.getOrCreate(
              "lepton-migrate-tests",
              Map.of(
                  "spark.master", "local[2]",
                  "spark.driver.host", "127.0.0.1",
                  "spark.driver.bindAddress", "127.0.0.1",
                  "spark.ui.enabled", "false",
                  "spark.sql.shuffle.partitions", "4",
                  "spark.default.parallelism", "4",
                  "spark.databricks.delta.snapshotPartitions", "2",
                  // Spark's default is ./spark-warehouse, in the checkout.
                  "spark.sql.warehouse.dir", java.nio.file.Path.of("target", "spark-warehouse").toAbsolutePath().toString()));
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
