package dev.lepton.migrate.spark;

import dev.lepton.migrate.report.RunSummary;
import dev.lepton.migrate.store.Location;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The run history: a Delta table in the state folder with one row per run. */
final class RunHistoryStore {
  static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("command", DataTypes.StringType, false)
      .add("config_digest", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, true)
      .add("target", DataTypes.StringType, true)
      .add("started_at", DataTypes.TimestampType, false)
      .add("ended_at", DataTypes.TimestampType, false)
      .add("files", DataTypes.LongType, false)
      .add("bytes", DataTypes.LongType, false)
      .add("bytes_written", DataTypes.LongType, false)
      .add("throughput_mb_s", DataTypes.DoubleType, true)
      .add("phase_ms", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
      .add("failed_files", DataTypes.LongType, false)
      .add("outcome", DataTypes.StringType, false)
      .add("exit_code", DataTypes.IntegerType, false);

  private final SparkSession spark;
  private final Location table;

  RunHistoryStore(SparkSession spark, Location stateDir) {
    this.spark = spark;
    this.table = stateDir.child("runs");
  }

  void record(RunSummary summary) {
    long bytes = summary.byStatus().values().stream().mapToLong(RunSummary.StatusTotals::bytes).sum();
    Double throughput = summary.copyMillis() > 0 ? summary.bytesCopied() / 1e3 / summary.copyMillis() : null;
    Row row = RowFactory.create(
        summary.runId(), summary.command(), summary.configDigest(), summary.source(), summary.target(),
        Timestamp.from(summary.started()), Timestamp.from(summary.ended()), summary.totalFiles(), bytes,
        summary.bytesCopied(), throughput,
        scala.collection.JavaConverters.mapAsScalaMap(summary.phaseMillis()),
        summary.failureCount(), summary.outcome().name().toLowerCase(Locale.ROOT), summary.outcome().code());
    StateTableWriter.append(spark, table, SCHEMA, List.of(row), "Record run " + summary.runId());
  }
}
