package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.gcs.GcsCall;
import dev.lepton.migrate.testing.gcs.GcsTestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies to the GCS test server through the real connector: store-reported CRC32C checksums are
 * compared and recorded, and uploads answered with 503 are retried by the connector and counted.
 */
class GcsTargetTest {
  @TempDir static Path dir;
  private static GcsTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = GcsTestServer.start(dir.resolve("gcs")).createBucket("lake");
    Configuration hadoop = SharedSpark.session().sparkContext().hadoopConfiguration();
    server.hadoopConf().forEach(hadoop::set);
    hadoop.set("fs.gs.outputstream.upload.chunk.size", String.valueOf(1 << 20));
    hadoop.set("fs.gs.checksum.type", "CRC32C");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void storeChecksumsAreComparedAndThrottlingIsRetried() throws Exception {
    Path source = dir.resolve("source");
    Random random = new Random(4);
    Trees.write(source.resolve("big/three chunks.bin"), 3 * (1 << 20) + 99, random);
    Trees.write(source.resolve("small/a b#c.csv"), 1000, random);
    server.faults().failNext(GcsCall.UPLOAD_RESUMABLE_CHUNK, 2, 503);

    Cli.Result result = Cli.run("copy", "--source", source.toString(), "--target", "gs://lake/copy");

    assertThat(result.code()).as(result.err() + result.out()).isEqualTo(ExitCode.SUCCESS);
    List<Row> rows = SharedSpark.session().read().format("delta").load("gs://lake/copy/_lepton/manifest")
        .select("path", "status", "store_checks").orderBy("path").collectAsList();
    assertThat(rows).hasSize(2);
    for (Row row : rows) {
      assertThat(row.getString(1)).isEqualTo("copied");
      assertThat(row.getString(2)).as(row.getString(0)).contains("target gcs crc32c match");
    }
    assertThat(server.calls().faulted(GcsCall.UPLOAD_RESUMABLE_CHUNK)).isEqualTo(2);
    assertThat(result.out()).contains("the store throttled 2 requests");
    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", "gs://lake/copy");
    assertThat(verify.code()).as(verify.out()).isEqualTo(ExitCode.SUCCESS);
  }
}
