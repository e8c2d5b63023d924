package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.gcs.GcsCall;
import dev.lepton.migrate.testing.gcs.GcsTestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
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
  private static final int MEBIBYTE = 1 << 20;

  @TempDir static Path dir;
  private static GcsTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = GcsTestServer.start(dir.resolve("gcs"))
        .createBucket("rewrite-raw")
        .createBucket("rewrite-copy")
        .createBucket("rewrite-chunked");
    Configuration hadoop = SharedSpark.session().sparkContext().hadoopConfiguration();
    server.hadoopConf().forEach(hadoop::set);
  }

  @AfterAll
  static void stopServer() {
    SharedSpark.forgetFileSystem("gs://rewrite-raw/");
    SharedSpark.forgetFileSystem("gs://rewrite-copy/");
    SharedSpark.forgetFileSystem("gs://rewrite-chunked/");
    server.close();
  }

  @Test
  void sameServiceCopyStaysInTheStore() throws Exception {
    Path local = dir.resolve("local");
    Random random = new Random(11);
    Trees.write(local.resolve("a/one.bin"), 3 * (1 << 20) + 7, random);
    Trees.write(local.resolve("b/two words=%.csv"), 12_345, random);
    Trees.write(local.resolve("b/empty"), 0, random);
    uploadThenResetCalls(local, "gs://rewrite-raw/data");

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
    assertThat(dataUploads()).as("uploads of data files").isZero();
    assertThat(read("gs://rewrite-copy/data/b/two words=%.csv"))
        .isEqualTo(Files.readAllBytes(local.resolve("b/two words=%.csv")));
  }

  /**
   * Copies an object of several MiB with the connector's rewrite limited to 1 MiB per call, so the
   * server returns {@code done: false} with a rewrite token until the last call.
   */
  @Test
  void rewriteOfLargeObjectFollowsTokens() throws Exception {
    Path local = dir.resolve("chunked");
    Trees.write(local.resolve("large.bin"), 5 * MEBIBYTE + 123, new Random(13));
    byte[] expected = Files.readAllBytes(local.resolve("large.bin"));
    uploadThenResetCalls(local, "gs://rewrite-raw/chunked");

    // A bucket of its own, so that the connector is created with this setting and not taken from
    // Hadoop's cache.
    Path state = dir.resolve("state-chunked");
    Cli.Result copy = Cli.run("copy", "--source", "gs://rewrite-raw/chunked", "--target", "gs://rewrite-chunked/data",
        "--state-dir", state.toString(),
        "--set", "migration.stores.hadoop={\"fs.gs.rewrite.max.bytes.per.call\"=\"" + MEBIBYTE + "\"}");

    assertThat(copy.code()).as(copy.err() + copy.out()).isEqualTo(ExitCode.SUCCESS);
    List<String> rewrites = server.calls().journal().stream()
        .filter(line -> line.startsWith(GcsCall.REWRITE_OBJECT.name()) && line.contains("large.bin"))
        .toList();
    // 5 MiB + 123 bytes at 1 MiB per call: five calls that return a token, then the last one.
    assertThat(rewrites).as("rewrite calls for large.bin").hasSize(6);
    assertThat(rewrites).allSatisfy(line -> assertThat(line).contains("maxBytesRewrittenPerCall=" + MEBIBYTE));
    assertThat(rewrites.get(0)).doesNotContain("rewriteToken=");
    assertThat(rewrites.subList(1, rewrites.size())).allSatisfy(line -> assertThat(line).contains("rewriteToken="));
    assertThat(dataUploads()).as("uploads of data files").isZero();

    assertThat(read("gs://rewrite-chunked/data/large.bin")).isEqualTo(expected);
    String crc32c = crc32cBase64(expected);
    assertThat(objectCrc32c("rewrite-raw", "chunked/large.bin")).as("source crc32c").isEqualTo(crc32c);
    assertThat(objectCrc32c("rewrite-chunked", "data/large.bin")).as("target crc32c").isEqualTo(crc32c);

    Row row = SharedSpark.session().read().format("delta").load(state.resolve("manifest").toString())
        .select("path", "status", "reason", "store_checks", "source_checksum", "target_checksum")
        .first();
    assertThat(row.getString(0)).isEqualTo("large.bin");
    assertThat(row.getString(1)).isEqualTo("copied");
    assertThat(row.getString(2)).startsWith("server-side copy");
    assertThat(row.getString(3)).isEqualTo("source gcs crc32c match (target read back)");
    assertThat(row.getString(4)).contains(HexFormat.of().formatHex(Base64.getDecoder().decode(crc32c)));
    assertThat(row.getString(5)).isEqualTo(row.getString(4));
  }

  @Test
  void disabledServerSideCopyStreamsTheBytes() throws Exception {
    Path local = dir.resolve("streamed");
    Trees.write(local.resolve("one.bin"), 50_000, new Random(12));
    uploadThenResetCalls(local, "gs://rewrite-raw/streamed");

    Cli.Result copy = Cli.run("copy", "--source", "gs://rewrite-raw/streamed", "--target", "gs://rewrite-copy/streamed",
        "--state-dir", dir.resolve("state-streamed").toString(), "--set", "migration.copy.server-side-copy=false");

    assertThat(copy.code()).as(copy.err() + copy.out()).isEqualTo(ExitCode.SUCCESS);
    assertThat(server.calls().count(GcsCall.REWRITE_OBJECT) + server.calls().count(GcsCall.COPY_OBJECT)).isZero();
  }

  /** Copies a local folder to GCS with the job, then sets the server's call counts to zero. */
  private static void uploadThenResetCalls(Path local, String target) {
    Cli.Result upload = Cli.run("copy", "--source", local.toString(), "--target", target,
        "--state-dir", dir.resolve("state-upload-" + local.getFileName()).toString());
    assertThat(upload.code()).as(upload.err() + upload.out()).isEqualTo(ExitCode.SUCCESS);
    server.calls().reset();
  }

  private static long dataUploads() {
    return server.calls().count(GcsCall.UPLOAD_RESUMABLE_START) + server.calls().count(GcsCall.UPLOAD_MULTIPART)
        + server.calls().count(GcsCall.UPLOAD_MEDIA);
  }

  /** Reads a file through the connector. The path may contain characters that a URI must escape. */
  private static byte[] read(String path) throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = file.getFileSystem(SharedSpark.session().sparkContext().hadoopConfiguration());
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    }
  }

  /** Returns the {@code crc32c} field of an object's metadata: Base64 of the big-endian CRC32C. */
  private static String objectCrc32c(String bucket, String name) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.rootUrl() + "storage/v1/b/" + bucket + "/o/"
            + URLEncoder.encode(name, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("metadata of %s/%s", bucket, name).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).get("crc32c").asText();
  }

  private static String crc32cBase64(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
