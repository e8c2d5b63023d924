package dev.lepton.migrate.spark;

import dev.lepton.migrate.deltalog.DeltaLog;
import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.report.ManifestFiles;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The manifest: a Delta table in the state folder with one row per file per run. Rows are appended
 * from Datasets built by tasks, never collected on the driver; the latest row per path is the
 * current state of that file.
 */
public final class ManifestStore {
  public static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("path", DataTypes.StringType, false)
      .add("size", DataTypes.LongType, false)
      .add("modification_time", DataTypes.LongType, false)
      .add("etag", DataTypes.StringType, true)
      .add("checksum_algorithm", DataTypes.StringType, true)
      .add("source_checksum", DataTypes.StringType, true)
      .add("target_checksum", DataTypes.StringType, true)
      .add("codec", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, false)
      .add("verify_level", DataTypes.StringType, true)
      .add("bytes_copied", DataTypes.LongType, false)
      .add("duration_ms", DataTypes.LongType, false)
      .add("attempts", DataTypes.IntegerType, false)
      .add("reason", DataTypes.StringType, true)
      .add("recorded_at", DataTypes.LongType, false)
      .add("store_checks", DataTypes.StringType, true);

  private final SparkSession spark;
  private final Location stateDir;
  private final Location table;

  public ManifestStore(SparkSession spark, Location stateDir) {
    this.spark = spark;
    this.stateDir = stateDir;
    this.table = stateDir.child("manifest");
  }

  public Location location() {
    return table;
  }

  /** Returns whether the table has a commit, read with the job's own log reader rather than Spark's. */
  public boolean exists() {
    FileSystem fs = Stores.fileSystem(table, spark.sparkContext().hadoopConfiguration());
    return DeltaLog.forTable(fs, table.path()).latestVersionIfPresent().isPresent();
  }

  /**
   * Creates the manifest table, empty, when it does not exist yet. Run beside the copy, this also
   * loads Delta's write path in the driver, which takes seconds on the first commit of a JVM.
   */
  public void createIfMissing() {
    if (!exists()) {
      append(spark.createDataFrame(new ArrayList<>(), SCHEMA));
    }
  }

  public void append(Dataset<Row> rows) {
    DeltaTables.append(rows.select(columns()), table, "Record manifest rows");
  }

  /** Appends a few rows already on the driver, without a Spark job where the table allows it. */
  public void appendOnDriver(List<ManifestRow> rows) {
    StateTableWriter.append(spark, table, SCHEMA, rows.stream().map(ManifestStore::toRow).toList(),
        "Record manifest rows");
  }

  public void append(JavaRDD<ManifestRow> rows) {
    append(spark.createDataFrame(rows.map(ManifestStore::toRow), SCHEMA));
  }

  /** Returns every row, or an empty Dataset when no run has written the manifest yet. */
  public Dataset<Row> all() {
    if (!exists()) {
      return spark.createDataFrame(new ArrayList<>(), SCHEMA);
    }
    return spark.read().format("delta").load(table.toString());
  }

  /**
   * Returns the latest row per path (highest recorded_at, then run id), counting the task results
   * of runs that have not been appended yet, so a plan after a killed run finds what it copied.
   */
  public Dataset<Row> latest() {
    Dataset<Row> rows = all().unionByName(PendingRows.read(spark, pendingFolders()));
    return rows.groupBy("path")
        .agg(functions.expr("max_by(struct(*), struct(recorded_at, run_id))").as("r"))
        .select("r.*");
  }

  /**
   * Returns the latest state per path, as {@link #latest} defines it, keyed by path and partitioned
   * by {@code partitioner}, so a cogroup with that partitioner does not shuffle it again. A plain
   * manifest is read by {@link ManifestScan} without Spark SQL, and each task keeps only the latest
   * row per path of what it read before the shuffle; any other goes through {@link #latest}.
   */
  public JavaPairRDD<String, ManifestState> latestStates(Partitioner partitioner) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Optional<ManifestFiles.DataFiles> files = ManifestScan.dataFiles(table, conf);
    if (files.isEmpty()) {
      return latest().javaRDD().mapToPair(row -> new Tuple2<>(row.getString(1), toState(row)));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return ManifestScan.rows(jsc, files.get(), pendingFolders(), conf)
        .mapToPair(row -> new Tuple2<>(row.path(), row))
        .reduceByKey(partitioner, ManifestStore::later)
        .mapValues(ManifestStore::toState);
  }

  /** Returns the later of two rows of one path: the higher recorded_at, then the higher run id. */
  static ManifestRow later(ManifestRow a, ManifestRow b) {
    int order = Long.compare(a.recordedAt(), b.recordedAt());
    if (order == 0) {
      order = a.runId().compareTo(b.runId());
    }
    return order >= 0 ? a : b;
  }

  /** Returns the folders of result files of runs not yet appended, leaving out empty ones. */
  private List<org.apache.hadoop.fs.Path> pendingFolders() {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    return PendingRows.runFolders(spark, stateDir).stream()
        .filter(folder -> PendingRows.hasResults(folder, conf))
        .toList();
  }

  static ManifestState toState(ManifestRow row) {
    return new ManifestState(row.path(), row.size(), row.modificationTime(), row.etag(), row.status(),
        row.checksumAlgorithm(), row.sourceChecksum(), row.targetChecksum(), row.verifyLevel());
  }

  static ManifestState toState(Row row) {
    return new ManifestState(
        row.getAs("path"),
        row.<Long>getAs("size"),
        row.<Long>getAs("modification_time"),
        row.getAs("etag"),
        row.getAs("status"),
        row.getAs("checksum_algorithm"),
        row.getAs("source_checksum"),
        row.getAs("target_checksum"),
        row.getAs("verify_level"));
  }

  public static Row toRow(ManifestRow r) {
    return RowFactory.create(
        r.runId(), r.path(), r.size(), r.modificationTime(), r.etag(), r.checksumAlgorithm(),
        r.sourceChecksum(), r.targetChecksum(), r.codec(), r.status(), r.verifyLevel(),
        r.bytesCopied(), r.durationMs(), r.attempts(), r.reason(), r.recordedAt(), r.storeChecks());
  }

  public static ManifestRow fromRow(Row row) {
    return new ManifestRow(
        row.getAs("run_id"), row.getAs("path"), row.<Long>getAs("size"),
        row.<Long>getAs("modification_time"), row.getAs("etag"), row.getAs("checksum_algorithm"),
        row.getAs("source_checksum"), row.getAs("target_checksum"), row.getAs("codec"),
        row.getAs("status"), row.getAs("verify_level"), row.<Long>getAs("bytes_copied"),
        row.<Long>getAs("duration_ms"), row.<Integer>getAs("attempts"), row.getAs("reason"),
        row.<Long>getAs("recorded_at"), row.getAs("store_checks"));
  }

  private static org.apache.spark.sql.Column[] columns() {
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    for (String name : SCHEMA.fieldNames()) {
      columns.add(functions.col(name));
    }
    return columns.toArray(new org.apache.spark.sql.Column[0]);
  }
}
