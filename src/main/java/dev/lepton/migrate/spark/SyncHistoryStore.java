package dev.lepton.migrate.spark;

import dev.lepton.migrate.deltalog.TableSyncResult;
import dev.lepton.migrate.store.Location;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sync history: a Delta table in the state folder with one row per table per sync run. Because
 * a sync copies the log unchanged, a target version is the source version of the same number. A
 * row records which versions a run added and from which source version.
 */
final class SyncHistoryStore {
  static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("table", DataTypes.StringType, false)
      .add("outcome", DataTypes.StringType, false)
      .add("start", DataTypes.StringType, true)
      .add("source_version", DataTypes.LongType, false)
      .add("target_version_before", DataTypes.LongType, false)
      .add("target_version_after", DataTypes.LongType, false)
      .add("versions_synced", DataTypes.StringType, false)
      .add("files_copied", DataTypes.LongType, false)
      .add("bytes_copied", DataTypes.LongType, false)
      .add("missing_files", DataTypes.LongType, false)
      .add("failed_files", DataTypes.LongType, false)
      .add("deleted_files", DataTypes.LongType, false)
      .add("duration_ms", DataTypes.LongType, false)
      .add("message", DataTypes.StringType, true)
      .add("recorded_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final Location table;

  SyncHistoryStore(SparkSession spark, Location stateDir) {
    this.spark = spark;
    this.table = stateDir.child("syncs");
  }

  void record(String runId, List<TableSyncResult> results) {
    if (results.isEmpty()) {
      return;
    }
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> rows = new ArrayList<>();
    for (TableSyncResult r : results) {
      rows.add(RowFactory.create(runId, r.table().isEmpty() ? "." : r.table(),
          r.outcome().name().toLowerCase(Locale.ROOT), r.start() == null ? null : r.start().name().toLowerCase(Locale.ROOT),
          r.sourceVersion(), r.targetVersionBefore(), r.targetVersionAfter(), r.versionsSynced(), r.filesCopied(),
          r.bytesCopied(), r.missingFiles(), r.failedFiles(), r.deletedFiles(), r.durationMs(), r.message(), now));
    }
    StateTableWriter.append(spark, table, SCHEMA, rows, "Record table syncs of run " + runId);
  }
}
