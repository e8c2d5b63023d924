package dev.lepton.migrate.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes small Delta tables of the shapes a sync must carry, each with delta-spark and a few
 * versions: appends and overwrite, MERGE, deletion vectors, column mapping, OPTIMIZE, every kind of
 * checkpoint, log cleanup, VACUUM, change data feed and awkward partition values.
 */
public final class TableShapes {
  private TableShapes() {}

  private static SparkSession spark() {
    return SharedSpark.session();
  }

  private static void sql(String statement) {
    spark().sql(statement);
  }

  /** Appends rows {@code (id, value)} for ids {@code [first, first + count)} as {@code files} files. */
  public static void append(Path table, long first, long count, int files) {
    spark().range(first, first + count).selectExpr("id", "CAST(id AS STRING) AS value").repartition(files)
        .write().format("delta").mode("append").save(table.toString());
  }

  private static void create(Path table, String properties) {
    sql("CREATE TABLE delta.`" + table + "` (id BIGINT, value STRING) USING delta"
        + (properties.isEmpty() ? "" : " TBLPROPERTIES (" + properties + ")"));
  }

  public static void appendsAndOverwrite(Path table) {
    create(table, "");
    append(table, 0, 100, 2);
    append(table, 100, 100, 3);
    spark().range(0, 50).selectExpr("id", "'rewritten' AS value").write().format("delta").mode("overwrite")
        .save(table.toString());
    append(table, 200, 10, 1);
  }

  public static void merge(Path table) {
    create(table, "");
    append(table, 0, 100, 2);
    spark().range(50, 150).selectExpr("id", "'merged' AS value").createOrReplaceTempView("merge_updates");
    sql("MERGE INTO delta.`" + table + "` t USING merge_updates u ON t.id = u.id"
        + " WHEN MATCHED THEN UPDATE SET value = u.value WHEN NOT MATCHED THEN INSERT *");
  }

  public static void deletionVectors(Path table) {
    create(table, "'delta.enableDeletionVectors' = 'true'");
    append(table, 0, 200, 2);
    sql("DELETE FROM delta.`" + table + "` WHERE id % 10 = 0");
    sql("UPDATE delta.`" + table + "` SET value = 'updated' WHERE id % 10 = 1");
    sql("DELETE FROM delta.`" + table + "` WHERE id % 10 = 2");
  }

  /** Writes a table with column mapping in {@code name} or {@code id} mode, then renames and drops a column. */
  public static void columnMapping(Path table, String mode) {
    sql("CREATE TABLE delta.`" + table + "` (id BIGINT, value STRING, extra INT) USING delta TBLPROPERTIES ("
        + "'delta.columnMapping.mode' = '" + mode + "', 'delta.minReaderVersion' = '2',"
        + " 'delta.minWriterVersion' = '5')");
    sql("INSERT INTO delta.`" + table + "` VALUES (1, 'a', 10), (2, 'b', 20)");
    sql("ALTER TABLE delta.`" + table + "` RENAME COLUMN value TO label");
    sql("INSERT INTO delta.`" + table + "` VALUES (3, 'c', 30)");
    sql("ALTER TABLE delta.`" + table + "` DROP COLUMN extra");
    sql("INSERT INTO delta.`" + table + "` VALUES (4, 'd')");
  }

  public static void optimize(Path table) {
    create(table, "");
    for (int i = 0; i < 4; i++) {
      append(table, i * 20L, 20, 2);
    }
    sql("OPTIMIZE delta.`" + table + "`");
    append(table, 100, 5, 1);
  }

  /** Writes a table with a checkpoint every two commits, each split into parts of two actions. */
  public static void multiPartCheckpoints(Path table) {
    RuntimeConfig conf = spark().conf();
    conf.set("spark.databricks.delta.checkpoint.partSize", "2");
    try {
      create(table, "'delta.checkpointInterval' = '2'");
      append(table, 0, 30, 3);
      append(table, 30, 30, 3);
      append(table, 60, 30, 3);
    } finally {
      conf.unset("spark.databricks.delta.checkpoint.partSize");
    }
  }

  /** Writes a table with V2 checkpoints and their sidecar files. */
  public static void v2Checkpoints(Path table) {
    create(table, "'delta.checkpointInterval' = '2', 'delta.checkpointPolicy' = 'v2'");
    append(table, 0, 30, 3);
    append(table, 30, 30, 2);
    append(table, 60, 10, 1);
  }

  /**
   * Writes five commits, then triggers log cleanup: the log files are aged and the checkpoint at
   * version 6 lets Delta delete the commits before it.
   */
  public static void logCleanedUp(Path table) {
    create(table, "'delta.checkpointInterval' = '2'");
    for (int i = 0; i < 5; i++) {
      append(table, i * 10L, 10, 1);
    }
    long tenDaysAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(10);
    for (File file : table.resolve("_delta_log").toFile().listFiles(File::isFile)) {
      if (!file.setLastModified(tenDaysAgo)) {
        throw new IllegalStateException("Cannot age " + file);
      }
    }
    sql("ALTER TABLE delta.`" + table + "` SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval 1 days')");
    append(table, 50, 10, 1);
    if (table.resolve("_delta_log/00000000000000000000.json").toFile().exists()) {
      throw new IllegalStateException("Log cleanup did not run on " + table);
    }
  }

  /** Writes a table, overwrites it, then runs VACUUM with no retention, so version 1's file is gone. */
  public static void vacuumed(Path table) {
    create(table, "");
    append(table, 0, 20, 2);
    spark().range(100, 110).selectExpr("id", "'after' AS value").write().format("delta").mode("overwrite")
        .save(table.toString());
    spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    try {
      sql("VACUUM delta.`" + table + "` RETAIN 0 HOURS");
    } finally {
      spark().conf().unset("spark.databricks.delta.retentionDurationCheck.enabled");
    }
  }

  public static void changeDataFeed(Path table) {
    create(table, "'delta.enableChangeDataFeed' = 'true'");
    append(table, 0, 30, 1);
    sql("UPDATE delta.`" + table + "` SET value = 'changed' WHERE id < 5");
    sql("DELETE FROM delta.`" + table + "` WHERE id >= 25");
  }

  /** Writes a table partitioned by values with spaces, slashes, percent signs, unicode, colons, hashes and nulls. */
  public static void awkwardPartitions(Path table) {
    sql("CREATE TABLE delta.`" + table + "` (id INT, p STRING) USING delta PARTITIONED BY (p)");
    sql("INSERT INTO delta.`" + table + "` VALUES (1, 'a b'), (2, 'x/y'), (3, '50%'), (4, 'ünï'), (5, NULL),"
        + " (6, 'a:b'), (7, '#1'), (8, '%2520')");
    spark().range(9, 12).select(functions.col("id").cast("int").as("id"), functions.lit("a b").as("p"))
        .write().format("delta").mode("append").save(table.toString());
    sql("DELETE FROM delta.`" + table + "` WHERE p = 'x/y'");
  }
}
