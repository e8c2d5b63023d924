package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.report.ManifestParquetFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.report.TaskResultFile;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the latest manifest state per path with Spark tasks and compares it with what Spark's Delta
 * reader finds in the same table. The manifests hold runs appended by Spark and without it, ties,
 * and task results not yet appended. One table is partitioned, so only Spark's reader may read it.
 */
class ManifestStoreTest {
  private static final HashPartitioner PARTITIONER = new HashPartitioner(3);

  @TempDir Path dir;

  private static SparkSession spark() {
    return SharedSpark.session();
  }

  private static ManifestRow row(String runId, String path, long size, String status, long recordedAt) {
    return new ManifestRow(runId, path, size, 1_000L, "etag-" + size, "crc32c", "source-" + size, "target-" + size,
        "none", status, "checksum", size, 1, 1, null, recordedAt, null);
  }

  private Location stateDir() {
    return Location.parse(dir.resolve("_lepton").toString(), "migration.state-dir");
  }

  private static Map<String, ManifestState> collect(JavaPairRDD<String, ManifestState> states) {
    Map<String, ManifestState> byPath = new HashMap<>();
    states.collect().forEach(pair -> assertThat(byPath.put(pair._1(), pair._2())).as(pair._1()).isNull());
    return byPath;
  }

  private static Map<String, ManifestState> readBySpark(ManifestStore manifest) {
    Map<String, ManifestState> byPath = new HashMap<>();
    manifest.latest().collectAsList().forEach(row -> byPath.put(row.getAs("path"), ManifestStore.toState(row)));
    return byPath;
  }

  @Test
  void latestStatesMatchSparkDeltaReader() throws IOException {
    ManifestStore manifest = new ManifestStore(spark(), stateDir());
    manifest.append(spark().createDataFrame(Stream.of(
        row("run-1", "a.csv", 10, "copied", 100), row("run-1", "b.csv", 20, "failed", 100),
        row("run-1", "c.csv", 30, "copied", 100), row("run-1", "tie.csv", 40, "failed", 100))
        .map(ManifestStore::toRow).toList(), ManifestStore.SCHEMA));
    manifest.appendOnDriver(List.of(row("run-2", "b.csv", 21, "copied", 200),
        row("run-2", "tie.csv", 41, "failed", 200)));
    // Same time as run-2's row: the higher run id wins.
    manifest.appendOnDriver(List.of(row("run-3", "tie.csv", 42, "skipped", 200),
        row("run-3", "c.csv", 31, "mismatch", 300)));
    FileSystem fs = FileSystem.getLocal(spark().sparkContext().hadoopConfiguration());
    TaskResultFile.write(fs, stateDir(), "run-4", "files-0-0", List.of(row("run-4", "d.csv", 50, "copied", 400),
        row("run-4", "a.csv", 11, "copied", 400)));

    JavaPairRDD<String, ManifestState> states = manifest.latestStates(PARTITIONER);

    assertThat(states.partitioner().orNull()).isEqualTo(PARTITIONER);
    Map<String, ManifestState> byPath = collect(states);
    assertThat(byPath).isEqualTo(readBySpark(manifest));
    assertThat(byPath).containsOnlyKeys("a.csv", "b.csv", "c.csv", "d.csv", "tie.csv");
    assertThat(byPath.get("a.csv").size()).isEqualTo(11);
    assertThat(byPath.get("b.csv").status()).isEqualTo("copied");
    assertThat(byPath.get("c.csv").status()).isEqualTo("mismatch");
    assertThat(byPath.get("tie.csv").size()).isEqualTo(42);
    assertThat(byPath.get("d.csv").sourceChecksum()).isEqualTo("source-50");
  }

  @Test
  void missingManifestHasNoStates() {
    ManifestStore manifest = new ManifestStore(spark(), stateDir());

    assertThat(manifest.latestStates(PARTITIONER).count()).isZero();
  }

  @Test
  void partitionedManifestIsReadBySpark() {
    ManifestStore manifest = new ManifestStore(spark(), stateDir());
    spark().createDataFrame(Stream.of(row("run-1", "a.csv", 10, "failed", 100), row("run-2", "a.csv", 12, "copied",
        200), row("run-1", "b.csv", 20, "copied", 100)).map(ManifestStore::toRow).toList(), ManifestStore.SCHEMA)
        .write().format("delta").partitionBy("run_id").save(manifest.location().toString());

    assertThat(ManifestScan.dataFiles(manifest.location(), new dev.lepton.migrate.store.HadoopConf(
        spark().sparkContext().hadoopConfiguration()))).isEmpty();
    Map<String, ManifestState> byPath = collect(manifest.latestStates(PARTITIONER));
    assertThat(byPath).isEqualTo(readBySpark(manifest));
    assertThat(byPath.get("a.csv").size()).isEqualTo(12);
  }

  @Test
  void fileWithoutNewerColumnReadsItAsNull() throws IOException {
    StructType older = new StructType(Arrays.stream(ManifestStore.SCHEMA.fields())
        .filter(field -> !field.name().equals("store_checks")).toArray(StructField[]::new));
    Row values = ManifestStore.toRow(row("run-1", "a.csv", 10, "copied", 100));
    Path table = dir.resolve("older");
    spark().createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(
        Arrays.copyOf(rowValues(values), older.size()))), older)
        .coalesce(1).write().format("delta").save(table.toString());
    Path data;
    try (Stream<Path> files = Files.list(table)) {
      data = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }

    Iterator<ManifestRow> rows = ManifestParquetFile.rows(new org.apache.hadoop.fs.Path(data.toUri()),
        spark().sparkContext().hadoopConfiguration());

    List<ManifestRow> read = new ArrayList<>();
    rows.forEachRemaining(read::add);
    assertThat(read).containsExactly(row("run-1", "a.csv", 10, "copied", 100));
  }

  private static Object[] rowValues(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    return values;
  }
}
