package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends without Spark to tables that delta-spark created, read back with delta-spark. */
class BlindAppendTest {
  private static final StructType SCHEMA = new StructType()
      .add("name", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("attempts", DataTypes.IntegerType, true)
      .add("rate", DataTypes.DoubleType, true)
      .add("at", DataTypes.TimestampType, false)
      .add("phases", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true);
  private static final List<BlindAppend.Column> COLUMNS = List.of(
      new BlindAppend.Column("name", BlindAppend.ColumnType.STRING),
      new BlindAppend.Column("count", BlindAppend.ColumnType.LONG),
      new BlindAppend.Column("attempts", BlindAppend.ColumnType.INT),
      new BlindAppend.Column("rate", BlindAppend.ColumnType.DOUBLE),
      new BlindAppend.Column("at", BlindAppend.ColumnType.TIMESTAMP),
      new BlindAppend.Column("phases", BlindAppend.ColumnType.STRING_TO_LONG_MAP));

  @TempDir java.nio.file.Path table;

  @Test
  void appendedRowsReadBackInSpark() throws IOException {
    createWithOneRow();
    Map<String, Long> phases = new TreeMap<>(Map.of("copy", 1200L, "plan", 35L));
    Timestamp at = Timestamp.valueOf("2026-01-10 02:03:04.123456");

    BlindAppend.Outcome outcome = BlindAppend.append(DeltaTables.localFs(), DeltaTables.hadoopPath(table), COLUMNS,
        List.of(new Object[] {"ünï ✓", 42L, null, 2.5, at, phases}, new Object[] {"second", 7L, 3, null, at, null}));

    assertThat(outcome).isEqualTo(BlindAppend.Outcome.WRITTEN);
    List<String> rows = SparkDelta.spark().read().format("delta").load(table.toString()).orderBy("count")
        .toJSON().collectAsList();
    assertThat(rows).containsExactly(
        "{\"name\":\"first\",\"count\":1,\"attempts\":1,\"rate\":1.0,\"at\":\"2026-01-01T00:00:00.000Z\",\"phases\":{\"a\":1}}",
        "{\"name\":\"second\",\"count\":7,\"attempts\":3,\"at\":\"2026-01-10T02:03:04.123Z\"}",
        "{\"name\":\"ünï ✓\",\"count\":42,\"rate\":2.5,\"at\":\"2026-01-10T02:03:04.123Z\",\"phases\":{\"copy\":1200,\"plan\":35}}");
    assertThat(SparkDelta.spark().read().format("delta").load(table.toString()).where("count = 42")
        .select("at").first().getTimestamp(0)).isEqualTo(at);
    assertThat(SparkDelta.latestVersion(DeltaTables.hadoopPath(table))).isEqualTo(1);
  }

  @Test
  void missingTableNeedsSpark() throws IOException {
    BlindAppend.Outcome outcome = BlindAppend.append(DeltaTables.localFs(), DeltaTables.hadoopPath(table), COLUMNS,
        List.<Object[]>of(new Object[] {"x", 1L, null, null, new Timestamp(0), null}));

    assertThat(outcome).isEqualTo(BlindAppend.Outcome.NEEDS_SPARK);
    assertThat(table.resolve("_delta_log")).doesNotExist();
  }

  @Test
  void otherSchemaNeedsSpark() throws IOException {
    createWithOneRow();
    List<BlindAppend.Column> renamed = new ArrayList<>(COLUMNS);
    renamed.set(1, new BlindAppend.Column("total", BlindAppend.ColumnType.LONG));

    BlindAppend.Outcome outcome = BlindAppend.append(DeltaTables.localFs(), DeltaTables.hadoopPath(table), renamed,
        List.<Object[]>of(new Object[] {"x", 1L, null, null, new Timestamp(0), null}));

    assertThat(outcome).isEqualTo(BlindAppend.Outcome.NEEDS_SPARK);
    assertThat(SparkDelta.latestVersion(DeltaTables.hadoopPath(table))).isZero();
  }

  @Test
  void appendAfterOtherWriterTakesNextVersion() throws IOException {
    createWithOneRow();
    SparkDelta.spark().createDataFrame(List.of(row("spark", 5)), SCHEMA).write().format("delta").mode("append")
        .save(table.toString());

    BlindAppend.append(DeltaTables.localFs(), DeltaTables.hadoopPath(table), COLUMNS,
        List.<Object[]>of(new Object[] {"plain", 6L, null, null, new Timestamp(0), null}));

    assertThat(SparkDelta.latestVersion(DeltaTables.hadoopPath(table))).isEqualTo(2);
    assertThat(SparkDelta.spark().read().format("delta").load(table.toString()).count()).isEqualTo(3);
  }

  private void createWithOneRow() {
    SparkDelta.spark().createDataFrame(List.of(row("first", 1)), SCHEMA).write().format("delta").save(table.toString());
  }

  private static Row row(String name, long count) {
    return RowFactory.create(name, count, 1, 1.0, Timestamp.valueOf("2026-01-01 00:00:00"),
        scala.collection.JavaConverters.mapAsScalaMap(Map.of("a", 1L)));
  }
}
