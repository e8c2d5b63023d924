package dev.lepton.migrate.spark;

import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.verify.ReconciliationRow;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The reconciliation table: one row per level, table and partition per verify run. */
final class ReconciliationStore {
  static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("checked_at", DataTypes.TimestampType, false)
      .add("level", DataTypes.StringType, false)
      .add("table", DataTypes.StringType, false)
      .add("partition", DataTypes.StringType, true)
      .add("source_value", DataTypes.LongType, true)
      .add("target_value", DataTypes.LongType, true)
      .add("source_version", DataTypes.LongType, true)
      .add("target_version", DataTypes.LongType, true)
      .add("status", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true);

  private final SparkSession spark;
  private final Location table;

  ReconciliationStore(SparkSession spark, Location stateDir) {
    this.spark = spark;
    this.table = stateDir.child("reconciliation");
  }

  void append(String runId, List<ReconciliationRow> rows) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> out = new ArrayList<>(rows.size());
    for (ReconciliationRow r : rows) {
      out.add(RowFactory.create(runId, now, r.level(), r.table(), r.partition(), r.sourceValue(),
          r.targetValue(), r.sourceVersion(), r.targetVersion(), r.status().label(), r.detail()));
    }
    DeltaTables.append(spark.createDataFrame(out, SCHEMA), table, "Record reconciliation of run " + runId);
  }
}
