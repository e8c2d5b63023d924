package dev.lepton.migrate.generate;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Generates one TPC-H table with Spark and writes it as a Delta table. */
final class TpchTableWriter {
  private static final Logger LOG = LoggerFactory.getLogger(TpchTableWriter.class);

  private TpchTableWriter() {}

  /**
   * Writes the table at {@code tablePath} in overwrite mode, replacing the schema and rows of any
   * table already there in one Delta commit.
   */
  static TableSummary write(
      SparkSession spark, Path tablePath, TpchTableLayout layout, double scaleFactor) {
    long start = System.nanoTime();
    String path = tablePath.toString();
    writer(rows(spark, layout, scaleFactor), layout).save(path);

    TableSummary summary =
        new TableSummary(
            layout.name(),
            path,
            writtenRows(spark, path),
            tableBytes(spark, path),
            layout.partitionColumns());
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(
        "Wrote TPC-H table {} at scale factor {} to {}: {} rows, {} bytes in {} ms",
        layout.name(),
        scaleFactor,
        path,
        summary.rows(),
        summary.bytes(),
        millis);
    return summary;
  }

  static Dataset<Row> rows(SparkSession spark, TpchTableLayout layout, double scaleFactor) {
    int partCount = layout.partCount(scaleFactor);
    List<Integer> parts = IntStream.rangeClosed(1, partCount).boxed().toList();
    TpchPartRows generator =
        new TpchPartRows(layout.name(), scaleFactor, partCount, layout.yearSourceIndex());
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(parts, partCount)
            .flatMap(generator);
    return spark.createDataFrame(rows, layout.schema());
  }

  private static DataFrameWriter<Row> writer(Dataset<Row> rows, TpchTableLayout layout) {
    DataFrameWriter<Row> writer =
        rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true");
    if (!layout.partitioned()) {
      return writer;
    }
    // Every generator part spans all years. Delta's optimized write shuffles rows by partition
    // value into bins of spark.databricks.delta.optimizeWrite.binSize (512 MiB of shuffle data by
    // default in delta-spark 3.3), so each year gets few large files, not one small file per part.
    return writer.partitionBy(layout.partitionColumns().toArray(String[]::new))
        .option("optimizeWrite", "true");
  }

  /**
   * Returns the rows of the last commit from its operation metrics, or counts the table when the
   * session has Delta's history metrics turned off.
   */
  private static long writtenRows(SparkSession spark, String path) {
    Row last = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").head();
    Map<String, String> metrics = last.isNullAt(0) ? Map.of() : last.getJavaMap(0);
    String rows = metrics.get("numOutputRows");
    if (rows != null) {
      return Long.parseLong(rows);
    }
    return spark.read().format("delta").load(path).count();
  }

  private static long tableBytes(SparkSession spark, String path) {
    Row detail = DeltaTable.forPath(spark, path).detail().select("sizeInBytes").head();
    return detail.getLong(0);
  }
}
