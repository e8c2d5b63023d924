package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.gcs.GcsCall;
import dev.lepton.migrate.testing.gcs.GcsTestServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies between two buckets of the GCS test server with the connector's rewrite, checked by
 * reading the target back against the source's crc32c.
 */
class GcsServerSideCopyTest {
  @TempDir static Path dir;
  private static GcsTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = GcsTestServer.start(dir.resolve("gcs")).createBucket("rewrite-raw").createBucket("rewrite-copy");
    Configuration hadoop = SharedSpark.session().sparkContext().hadoopConfiguration();
    server.hadoopConf().forEach(hadoop::set);
  }

  @AfterAll
  static void stopServer() {
    SharedSpark.forgetFileSystem("gs://rewrite-raw/");
    SharedSpark.forgetFileSystem("gs://rewrite-copy/");
    server.close();
  }

  @Test
  void sameServiceCopyStaysInTheStore() throws Exception {
    Path local = dir.resolve("local");
    Random random = new Random(11);
    Trees.write(local.resolve("a/one.bin"), 3 * (1 << 20) + 7, random);
    Trees.write(local.resolve("b/two words=%.csv"), 12_345, random);
    Trees.write(local.resolve("b/empty"), 0, random);
    Cli.Result upload = Cli.run("copy", "--source", local.toString(), "--target", "gs://rewrite-raw/data",
        "--state-dir", dir.resolve("state-upload").toString());
    assertThat(upload.code()).as(upload.err() + upload.out()).isEqualTo(ExitCode.SUCCESS);
    server.calls().reset();

    Path state = dir.resolve("state-copy");
    Cli.Result copy = Cli.run("copy", "--source", "gs://rewrite-raw/data", "--target", "gs://rewrite-copy/data",
        "--state-dir", state.toString());

    assertThat(copy.code()).as(copy.err() + copy.out()).isEqualTo(ExitCode.SUCCESS);
    List<Row> rows = SharedSpark.session().read().format("delta").load(state.resolve("manifest").toString())
        .select("path", "status", "reason", "store_checks", "source_checksum", "target_checksum")
        .orderBy("path").collectAsList();
    assertThat(rows).extracting(row -> row.getString(0)).containsExactly("a/one.bin", "b/empty", "b/two words=%.csv");
    for (Row row : rows) {
      assertThat(row.getString(1)).isEqualTo("copied");
      assertThat(row.getString(2)).as(row.getString(0)).startsWith("server-side copy");
      assertThat(row.getString(3)).isEqualTo("source gcs crc32c match (target read back)");
      assertThat(row.getString(4)).isEqualTo(row.getString(5)).isNotNull();
    }
    assertThat(server.calls().count(GcsCall.REWRITE_OBJECT) + server.calls().count(GcsCall.COPY_OBJECT))
        .isEqualTo(3);
    assertThat(server.calls().count(GcsCall.UPLOAD_RESUMABLE_START) + server.calls().count(GcsCall.UPLOAD_MULTIPART)
        + server.calls().count(GcsCall.UPLOAD_MEDIA)).as("uploads of data files").isZero();
    FileSystem fs = FileSystem.get(URI.create("gs://rewrite-copy/"), SharedSpark.session().sparkContext().hadoopConfiguration());
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("gs://rewrite-copy/data/b/two words=%.csv"))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(local.resolve("b/two words=%.csv")));
    }
  }

  @Test
  void disabledServerSideCopyStreamsTheBytes() throws Exception {
    Path local = dir.resolve("streamed");
    Trees.write(local.resolve("one.bin"), 50_000, new Random(12));
    Cli.Result upload = Cli.run("copy", "--source", local.toString(), "--target", "gs://rewrite-raw/streamed",
        "--state-dir", dir.resolve("state-streamed-upload").toString());
    assertThat(upload.code()).as(upload.err() + upload.out()).isEqualTo(ExitCode.SUCCESS);
    server.calls().reset();

    Cli.Result copy = Cli.run("copy", "--source", "gs://rewrite-raw/streamed", "--target", "gs://rewrite-copy/streamed",
        "--state-dir", dir.resolve("state-streamed").toString(), "--set", "migration.copy.server-side-copy=false");

    assertThat(copy.code()).as(copy.err() + copy.out()).isEqualTo(ExitCode.SUCCESS);
    assertThat(server.calls().count(GcsCall.REWRITE_OBJECT) + server.calls().count(GcsCall.COPY_OBJECT)).isZero();
  }
}
