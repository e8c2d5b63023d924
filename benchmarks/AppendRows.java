import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Appends a share of a Delta table's rows to the same table, as one commit, for the incremental
 * sync benchmark. Usage: java AppendRows.java TABLE_PATH SHARE (for example 0.01).
 */
public final class AppendRows {
  public static void main(String[] args) {
    String table = args[0];
    double share = Double.parseDouble(args[1]);
    SparkConf conf = new SparkConf(true)
        .setMaster("local[*]")
        .setAppName("lepton-benchmark-append")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> rows = spark.read().format("delta").load(table);
    long count = rows.count();
    long append = Math.max(1, (long) (count * share));
    rows.limit((int) append).write().format("delta").mode("append").save(table);
    Map<String, Object> result = Map.of("rows_before", count, "rows_appended", append);
    System.out.println("Appended " + result);
    spark.stop();
  }
}
