package dev.lepton.migrate.testing.abfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.testing.SharedSpark;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and reads a Delta table through Spark and the real ABFS driver. The filesystem name is
 * unique, so the shared session's cached FileSystem for it points at this class's server.
 */
class AbfsDeltaRoundTripTest {
  @TempDir static Path serverRoot;

  private static final String FILESYSTEM = "delta-" + UUID.randomUUID().toString().substring(0, 8);

  private static AbfsTestServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = AbfsTestServer.start(serverRoot).createFilesystem(FILESYSTEM);
    Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
    server.hadoopConf().forEach(conf::set);
  }

  @AfterAll
  static void stopServer() throws IOException {
    Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
    FileSystem.get(URI.create(AbfsTestServer.uri(FILESYSTEM)), conf).close();
    server.hadoopConf().keySet().forEach(conf::unset);
    server.close();
  }

  @Test
  void deltaTableRoundTrip() {
    SparkSession spark = SharedSpark.session();
    String table = AbfsTestServer.uri(FILESYSTEM) + "tables/numbers";

    spark.range(1000).write().format("delta").save(table);
    spark.range(1000, 1500).write().format("delta").mode("append").save(table);
    Dataset<Row> read = spark.read().format("delta").load(table);

    assertThat(read.count()).isEqualTo(1500);
    assertThat(read.selectExpr("sum(id)").first().getLong(0)).isEqualTo(1500L * 1499 / 2);
    assertThat(server.paths(FILESYSTEM))
        .contains(
            "tables/numbers/_delta_log/00000000000000000000.json",
            "tables/numbers/_delta_log/00000000000000000001.json");
    assertThat(server.paths(FILESYSTEM)).anyMatch(name -> name.endsWith(".parquet"));
    assertThat(server.calls().count(AbfsCall.RENAME)).isPositive();
  }
}
