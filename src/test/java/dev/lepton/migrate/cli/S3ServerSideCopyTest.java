package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.servers.S3MockServer;
import dev.lepton.migrate.testing.servers.ServerProcess;
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

/** Copies between two buckets of one S3Mock server inside the store, checked by reading the target back. */
class S3ServerSideCopyTest {
  @TempDir static Path dir;
  private static S3MockServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3MockServer.start(dir.resolve("s3mock"), ServerProcess.Lifetime.BOUND_TO_JVM, "raw", "copy");
    Configuration hadoop = SharedSpark.session().sparkContext().hadoopConfiguration();
    server.hadoopConf("raw").forEach(hadoop::set);
    server.hadoopConf("copy").forEach(hadoop::set);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void sameEndpointCopyStaysInTheStore() throws Exception {
    Path local = dir.resolve("local");
    Random random = new Random(8);
    Trees.write(local.resolve("a/one.bin"), 300_000, random);
    Trees.write(local.resolve("b/two words.csv"), 12_345, random);
    Cli.Result upload = Cli.run("copy", "--source", local.toString(), "--target", "s3a://raw/data",
        "--state-dir", dir.resolve("state-upload").toString());
    assertThat(upload.code()).as(upload.err() + upload.out()).isEqualTo(ExitCode.SUCCESS);

    Path state = dir.resolve("state-copy");
    Cli.Result copy = Cli.run("copy", "--source", "s3a://raw/data", "--target", "s3a://copy/data",
        "--state-dir", state.toString());

    assertThat(copy.code()).as(copy.err() + copy.out()).isEqualTo(ExitCode.SUCCESS);
    List<Row> rows = SharedSpark.session().read().format("delta").load(state.resolve("manifest").toString())
        .select("path", "status", "reason", "store_checks", "source_checksum").orderBy("path").collectAsList();
    assertThat(rows).hasSize(2);
    for (Row row : rows) {
      assertThat(row.getString(1)).isEqualTo("copied");
      assertThat(row.getString(2)).as(row.getString(0)).startsWith("server-side copy");
      assertThat(row.getString(3)).isEqualTo("source s3 etag md5 match (target read back)");
      assertThat(row.getString(4)).isNotNull();
    }
    FileSystem fs = FileSystem.get(URI.create("s3a://copy/"), SharedSpark.session().sparkContext().hadoopConfiguration());
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("s3a://copy/data/b/two words.csv"))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(local.resolve("b/two words.csv")));
    }
  }
}
