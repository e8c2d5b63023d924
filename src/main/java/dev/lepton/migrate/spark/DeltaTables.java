package dev.lepton.migrate.spark;

import dev.lepton.migrate.store.Location;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Small helpers for the job's own Delta tables in the state folder. */
final class DeltaTables {
  private DeltaTables() {}

  static boolean exists(SparkSession spark, Location table) {
    return io.delta.tables.DeltaTable.isDeltaTable(spark, table.toString());
  }

  static void append(Dataset<Row> rows, Location table, String description) {
    rows.sparkSession().sparkContext().setJobDescription(description + " in " + table);
    // mergeSchema lets a newer job version add columns to state tables written by an older one.
    rows.write().format("delta").mode("append").option("mergeSchema", "true").save(table.toString());
  }
}
