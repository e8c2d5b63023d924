package dev.lepton.migrate.testing.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.testing.http.ConnectorContract;
import dev.lepton.migrate.testing.http.TestBytes;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives the real GCS connector (hadoop3-2.2.26) against {@link GcsTestServer}. */
class GcsConnectorTest extends ConnectorContract {
  private static final String BUCKET = "bucket";
  private static final int CHUNK_BYTES = 4 * 1024 * 1024;

  private GcsTestServer server;

  GcsConnectorTest() {
    super(URI.create("gs://" + BUCKET + "/"));
  }

  @Override
  protected GcsTestServer startServer(Path rootDir) throws IOException {
    server = GcsTestServer.start(rootDir).createBucket(BUCKET);
    return server;
  }

  @Override
  protected void tuneConnector(Configuration conf) {
    conf.setInt("fs.gs.outputstream.upload.chunk.size", CHUNK_BYTES);
    conf.setInt("fs.gs.list.max.items.per.call", LIST_PAGE_SIZE);
  }

  @Override
  protected List<String> storedNames() {
    return server.objectNames(BUCKET);
  }

  @Override
  protected void putFile(String name, byte[] content) throws IOException {
    server.putObject(BUCKET, name, content);
  }

  @Override
  protected String alreadyExistsMessagePart(String name) {
    return name;
  }

  /** Returns the directory's marker object, whose name ends with a slash. Parents get no marker. */
  @Override
  protected List<String> storedDirectoryNames(String name) {
    return List.of(name + "/");
  }

  @Override
  protected void assertListingCalls(int pages) {
    assertThat(server.calls().count(GcsCall.LIST_OBJECTS)).isGreaterThanOrEqualTo(pages);
  }

  @Test
  void largeUploadUsesChunksOnDisk() throws Exception {
    int size = 40 * 1024 * 1024;
    TestBytes.write(fs, path("chunks/large"), size, 3);

    // Ten chunks of 4 MiB, the last of which also carries the total size.
    assertThat(server.calls().count(GcsCall.UPLOAD_RESUMABLE_START)).isEqualTo(1);
    assertThat(server.calls().count(GcsCall.UPLOAD_RESUMABLE_CHUNK)).isEqualTo(size / CHUNK_BYTES);
    try (var blobs = Files.list(serverRoot.resolve("blobs"))) {
      assertThat(blobs.filter(blob -> blob.toFile().length() == size)).hasSize(1);
    }
  }

  @Test
  void createIfAbsentLosesRaceToConcurrentWriter() throws Exception {
    org.apache.hadoop.fs.Path file = path("race/file");
    FSDataOutputStream loser = fs.create(file, false);
    loser.write("loser".getBytes(StandardCharsets.UTF_8));

    TestBytes.writeText(fs, file, "winner");

    // The upload carries ifGenerationMatch=0, so the server rejects it once the object exists.
    assertThatThrownBy(loser::close).isInstanceOf(IOException.class);
    assertThat(TestBytes.readText(fs, file)).isEqualTo("winner");
  }

  @Test
  void overwriteReplacesContentAndGeneration() throws Exception {
    org.apache.hadoop.fs.Path file = path("overwrite/file");
    TestBytes.writeText(fs, file, "first version");
    long firstModified = fs.getFileStatus(file).getModificationTime();

    TestBytes.writeText(fs, file, "second");

    assertThat(TestBytes.readText(fs, file)).isEqualTo("second");
    assertThat(fs.getFileStatus(file).getLen()).isEqualTo(6);
    assertThat(fs.getFileStatus(file).getModificationTime()).isGreaterThanOrEqualTo(firstModified);
  }

  @Override
  @Test
  protected void seeksAndPositionedReadsReturnTheRightBytes() throws Exception {
    super.seeksAndPositionedReadsReturnTheRightBytes();

    assertThat(server.calls().journal()).anyMatch(line -> line.startsWith("DOWNLOAD"));
  }

  @Override
  @Test
  protected void renameMovesFileAndDirectory() throws Exception {
    super.renameMovesFileAndDirectory();

    assertThat(server.calls().count(GcsCall.REWRITE_OBJECT) + server.calls().count(GcsCall.COPY_OBJECT))
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void hsyncComposesSyncableStream() throws Exception {
    Configuration conf = connectorConf();
    conf.set("fs.gs.outputstream.type", "SYNCABLE_COMPOSITE");
    conf.setInt("fs.gs.outputstream.sync.min.interval.ms", 0);
    org.apache.hadoop.fs.Path file = path("syncable/file");

    try (FileSystem syncable = openFileSystem(conf);
        FSDataOutputStream out = syncable.create(file)) {
      out.write("one".getBytes(StandardCharsets.UTF_8));
      out.hsync();
      out.write("two".getBytes(StandardCharsets.UTF_8));
      out.hsync();
      out.write("three".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(TestBytes.readText(fs, file)).isEqualTo("onetwothree");
    assertThat(server.calls().count(GcsCall.COMPOSE_OBJECT)).isEqualTo(2);
  }

  @Test
  void concatComposesSources() throws Exception {
    TestBytes.writeText(fs, path("concat/target"), "T");
    TestBytes.writeText(fs, path("concat/a"), "A");
    TestBytes.writeText(fs, path("concat/b"), "B");

    fs.concat(path("concat/target"), new org.apache.hadoop.fs.Path[] {path("concat/a"), path("concat/b")});

    assertThat(TestBytes.readText(fs, path("concat/target"))).isEqualTo("TAB");
    assertThat(server.calls().count(GcsCall.COMPOSE_OBJECT)).isEqualTo(1);
  }

  @Test
  void renameCanCopyInsteadOfRewrite() throws Exception {
    Configuration conf = connectorConf();
    conf.setBoolean("fs.gs.copy.with.rewrite.enable", false);
    TestBytes.writeText(fs, path("copy-rename/a"), "a");

    try (FileSystem copying = openFileSystem(conf)) {
      assertThat(copying.rename(path("copy-rename/a"), path("copy-rename/b"))).isTrue();
    }

    assertThat(TestBytes.readText(fs, path("copy-rename/b"))).isEqualTo("a");
    assertThat(server.calls().count(GcsCall.COPY_OBJECT)).isEqualTo(1);
    assertThat(server.calls().count(GcsCall.REWRITE_OBJECT)).isZero();
  }

  @Test
  void recursiveDeleteRemovesEverything() throws Exception {
    for (int i = 0; i < 30; i++) {
      TestBytes.writeText(fs, path("delete/dir/sub" + (i % 3) + "/f" + i), "x");
    }

    assertThat(fs.delete(path("delete/dir"), true)).isTrue();

    assertThat(fs.exists(path("delete/dir"))).isFalse();
    assertThat(server.objectNames(BUCKET)).noneMatch(name -> name.startsWith("delete/dir"));
  }

  @Test
  void modificationTimeIsTheUploadTime() throws Exception {
    long before = System.currentTimeMillis();
    TestBytes.writeText(fs, path("mtime/file"), "x");
    long after = System.currentTimeMillis();

    long modified = fs.getFileStatus(path("mtime/file")).getModificationTime();

    assertThat(modified).isBetween(before - 1, after + 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 429})
  void injectedFaultsAreRetried(int status) throws Exception {
    org.apache.hadoop.fs.Path file = writeUncounted("faults/file-" + status, "payload");

    server.faults().failNext(GcsCall.DOWNLOAD, 2, status);
    String read = TestBytes.readText(fs, file);

    assertThat(read).isEqualTo("payload");
    assertThat(server.calls().faulted(GcsCall.DOWNLOAD)).isEqualTo(2);
    assertThat(server.calls().count(GcsCall.DOWNLOAD)).isEqualTo(3);
  }

  @Test
  void failedUploadChunkIsResumed() throws Exception {
    org.apache.hadoop.fs.Path file = path("faults/resumed");
    int size = 3 * CHUNK_BYTES + 5;
    server.faults().failNext(GcsCall.UPLOAD_RESUMABLE_CHUNK, 1, 503);

    byte[] written = TestBytes.write(fs, file, size, 9);

    assertThat(TestBytes.sha256(fs, file)).isEqualTo(written);
    assertThat(server.calls().faulted(GcsCall.UPLOAD_RESUMABLE_CHUNK)).isEqualTo(1);
    // The failed chunk is sent again, after a status query or directly.
    assertThat(server.calls().count(GcsCall.UPLOAD_RESUMABLE_CHUNK)).isGreaterThan(4);
  }

  @Test
  void crc32cChecksumMatchesLocalComputation() throws Exception {
    org.apache.hadoop.fs.Path file = path("checksum/crc");
    byte[] content = TestBytes.generate(1_234_567, 5);
    TestBytes.writeBytes(fs, file, content);
    CRC32C crc = new CRC32C();
    crc.update(content);
    Configuration conf = connectorConf();
    conf.set("fs.gs.checksum.type", "CRC32C");

    FileChecksum checksum;
    try (FileSystem checksumFs = openFileSystem(conf)) {
      checksum = checksumFs.getFileChecksum(file);
    }

    assertThat(checksum.getAlgorithmName()).isEqualTo("COMPOSITE-CRC32C");
    assertThat(checksum.getBytes()).isEqualTo(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  @Test
  void md5ChecksumMatchesLocalComputation() throws Exception {
    org.apache.hadoop.fs.Path file = path("checksum/md5");
    byte[] content = TestBytes.generate(777_777, 6);
    TestBytes.writeBytes(fs, file, content);
    Configuration conf = connectorConf();
    conf.set("fs.gs.checksum.type", "MD5");

    FileChecksum checksum;
    try (FileSystem checksumFs = openFileSystem(conf)) {
      checksum = checksumFs.getFileChecksum(file);
    }

    assertThat(checksum.getAlgorithmName()).isEqualTo("MD5");
    assertThat(checksum.getBytes()).isEqualTo(MessageDigest.getInstance("MD5").digest(content));
  }
}
