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
                  "spark.databricks.delta.snapshotPartitions", "2"));
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
