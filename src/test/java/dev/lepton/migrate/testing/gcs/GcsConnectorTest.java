package dev.lepton.migrate.testing.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.testing.http.ConnectionRecorder;
import dev.lepton.migrate.testing.http.TestBytes;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives the real GCS connector (hadoop3-2.2.26) against {@link GcsTestServer}. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GcsConnectorTest {
  private static final String BUCKET = "bucket";
  private static final int CHUNK_BYTES = 4 * 1024 * 1024;
  private static final int LIST_PAGE_SIZE = 100;

  @TempDir static Path serverRoot;

  private static GcsTestServer server;
  private static FileSystem fs;

  @BeforeAll
  static void startServer() throws IOException {
    server = GcsTestServer.start(serverRoot).createBucket(BUCKET);
    fs = FileSystem.get(URI.create("gs://" + BUCKET + "/"), connectorConf(server));
  }

  @AfterAll
  static void stopServer() throws IOException {
    fs.close();
    server.close();
  }

  @BeforeEach
  void resetCounters() {
    server.faults().clear();
    server.calls().reset();
  }

  static Configuration connectorConf(GcsTestServer gcs) {
    Configuration conf = new Configuration();
    gcs.hadoopConf().forEach(conf::set);
    conf.setInt("fs.gs.outputstream.upload.chunk.size", CHUNK_BYTES);
    conf.setInt("fs.gs.list.max.items.per.call", LIST_PAGE_SIZE);
    conf.setBoolean("fs.gs.impl.disable.cache", true);
    return conf;
  }

  private static org.apache.hadoop.fs.Path path(String name) {
    return new org.apache.hadoop.fs.Path("gs://" + BUCKET + "/" + name);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5000, 40 * 1024 * 1024 + 7})
  void roundTripKeepsEveryByte(int size) throws Exception {
    org.apache.hadoop.fs.Path file = path("roundtrip/file-" + size);

    byte[] written = TestBytes.write(fs, file, size, size);

    assertThat(fs.getFileStatus(file).getLen()).isEqualTo(size);
    assertThat(TestBytes.sha256(fs, file)).isEqualTo(written);
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
  void createWithoutOverwriteFailsOnExistingFile() throws Exception {
    org.apache.hadoop.fs.Path file = path("no-overwrite/file");
    TestBytes.writeText(fs, file, "first");

    assertThatThrownBy(() -> fs.create(file, false).close())
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("no-overwrite/file");
    assertThat(TestBytes.readText(fs, file)).isEqualTo("first");
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

  @Test
  void seeksAndPositionedReadsReturnTheRightBytes() throws Exception {
    org.apache.hadoop.fs.Path file = path("ranges/file");
    int size = 3 * 1024 * 1024 + 11;
    TestBytes.write(fs, file, size, 42);
    byte[] expected = TestBytes.generate(size, 42);

    try (FSDataInputStream in = fs.open(file)) {
      for (long position : new long[] {size - 100, 17, 2 * 1024 * 1024, 0}) {
        in.seek(position);
        byte[] actual = new byte[100];
        in.readFully(actual);
        assertThat(actual).as("bytes at %d", position).isEqualTo(slice(expected, position, actual.length));
      }
      byte[] positioned = new byte[1000];
      in.readFully(1_500_000, positioned);
      assertThat(positioned).isEqualTo(slice(expected, 1_500_000, 1000));
      // Seeking to the end itself is rejected by this connector version, so stop one byte short.
      in.seek(size - 1);
      assertThat(in.read()).isEqualTo(expected[size - 1] & 0xff);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(server.calls().journal()).anyMatch(line -> line.startsWith("DOWNLOAD"));
  }

  @Test
  void flatListingReturnsEveryObjectOnce() throws Exception {
    int count = 2500;
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("flat/file-%05d", i);
      server.putObject(BUCKET, name, new byte[] {(byte) i});
      expected.add(name.substring("flat/".length()));
    }

    FileStatus[] listed = fs.listStatus(path("flat"));

    List<String> names = new ArrayList<>();
    for (FileStatus status : listed) {
      names.add(status.getPath().getName());
    }
    assertThat(names).hasSize(count).doesNotHaveDuplicates();
    assertThat(new HashSet<>(names)).isEqualTo(expected);
    assertThat(server.calls().count(GcsCall.LIST_OBJECTS)).isGreaterThanOrEqualTo(count / LIST_PAGE_SIZE);
  }

  @Test
  void recursiveListingReturnsNestedFilesOnce() throws Exception {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 2500; i++) {
      String name = String.format("tree/d%d/e%d/file-%04d", i % 7, i % 3, i);
      server.putObject(BUCKET, name, new byte[0]);
      expected.add("gs://" + BUCKET + "/" + name);
    }

    List<String> listed = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(path("tree"), true);
    while (files.hasNext()) {
      listed.add(files.next().getPath().toString());
    }

    assertThat(listed).hasSize(expected.size()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(listed)).isEqualTo(expected);
  }

  @Test
  void renameMovesFileAndDirectory() throws Exception {
    TestBytes.writeText(fs, path("rename/src/a.txt"), "a");
    TestBytes.writeText(fs, path("rename/src/sub/b.txt"), "b");

    assertThat(fs.rename(path("rename/src/a.txt"), path("rename/src/c.txt"))).isTrue();
    assertThat(fs.rename(path("rename/src"), path("rename/dst"))).isTrue();

    assertThat(fs.exists(path("rename/src"))).isFalse();
    assertThat(TestBytes.readText(fs, path("rename/dst/c.txt"))).isEqualTo("a");
    assertThat(TestBytes.readText(fs, path("rename/dst/sub/b.txt"))).isEqualTo("b");
    assertThat(fs.exists(path("rename/dst/a.txt"))).isFalse();
    assertThat(server.calls().count(GcsCall.REWRITE_OBJECT) + server.calls().count(GcsCall.COPY_OBJECT))
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void hsyncComposesSyncableStream() throws Exception {
    Configuration conf = connectorConf(server);
    conf.set("fs.gs.outputstream.type", "SYNCABLE_COMPOSITE");
    conf.setInt("fs.gs.outputstream.sync.min.interval.ms", 0);
    org.apache.hadoop.fs.Path file = path("syncable/file");

    try (FileSystem syncable = FileSystem.get(URI.create("gs://" + BUCKET + "/"), conf);
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
    Configuration conf = connectorConf(server);
    conf.setBoolean("fs.gs.copy.with.rewrite.enable", false);
    TestBytes.writeText(fs, path("copy-rename/a"), "a");

    try (FileSystem copying = FileSystem.get(URI.create("gs://" + BUCKET + "/"), conf)) {
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
  void mkdirsCreatesDirectoryMarker() throws Exception {
    assertThat(fs.mkdirs(path("made/a/b"))).isTrue();

    assertThat(fs.getFileStatus(path("made/a/b")).isDirectory()).isTrue();
    assertThat(fs.getFileStatus(path("made/a")).isDirectory()).isTrue();
    assertThat(server.objectNames(BUCKET)).contains("made/a/b/");
  }

  @Test
  void missingFileRaisesFileNotFound() {
    assertThatThrownBy(() -> fs.getFileStatus(path("missing/file")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing/file");
    assertThatThrownBy(() -> fs.open(path("missing/file")).read())
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void modificationTimeIsTheUploadTime() throws Exception {
    long before = System.currentTimeMillis();
    TestBytes.writeText(fs, path("mtime/file"), "x");
    long after = System.currentTimeMillis();

    long modified = fs.getFileStatus(path("mtime/file")).getModificationTime();

    assertThat(modified).isBetween(before - 1, after + 1);
  }

  @Test
  void awkwardNamesAreListedBackExactly() throws Exception {
    String nfc = "caf\u00e9";
    String nfd = "cafe\u0301";
    List<String> names =
        List.of("with space", "per%cent", "plus+sign", "hash#tag", "question?mark", "equals=sign",
            "co:lon", nfc, nfd, "emoji-\uD83D\uDE00", "semi;colon&amp");
    for (String name : names) {
      TestBytes.writeText(fs, new org.apache.hadoop.fs.Path(new URI("gs", BUCKET, "/awkward/" + name, null)), name);
    }

    Set<String> listed =
        List.of(fs.listStatus(path("awkward"))).stream()
            .map(status -> status.getPath().getName())
            .collect(Collectors.toSet());

    assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
    assertThat(server.objectNames(BUCKET))
        .filteredOn(name -> name.startsWith("awkward/"))
        .containsExactlyInAnyOrderElementsOf(names.stream().map(name -> "awkward/" + name).toList());
    for (String name : names) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(new URI("gs", BUCKET, "/awkward/" + name, null));
      assertThat(TestBytes.readText(fs, file)).as("content of %s", name).isEqualTo(name);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 429})
  void injectedFaultsAreRetried(int status) throws Exception {
    org.apache.hadoop.fs.Path file = path("faults/file-" + status);
    TestBytes.writeText(fs, file, "payload");
    server.calls().reset();

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
    Configuration conf = connectorConf(server);
    conf.set("fs.gs.checksum.type", "CRC32C");

    FileChecksum checksum;
    try (FileSystem checksumFs = FileSystem.get(URI.create("gs://" + BUCKET + "/"), conf)) {
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
    Configuration conf = connectorConf(server);
    conf.set("fs.gs.checksum.type", "MD5");

    FileChecksum checksum;
    try (FileSystem checksumFs = FileSystem.get(URI.create("gs://" + BUCKET + "/"), conf)) {
      checksum = checksumFs.getFileChecksum(file);
    }

    assertThat(checksum.getAlgorithmName()).isEqualTo("MD5");
    assertThat(checksum.getBytes()).isEqualTo(MessageDigest.getInstance("MD5").digest(content));
  }

  @Test
  void connectorContactsOnlyLoopback() throws Exception {
    List<String> contacted;
    try (ConnectionRecorder recorder = ConnectionRecorder.install()) {
      try (FileSystem fresh = FileSystem.get(URI.create("gs://" + BUCKET + "/"), connectorConf(server))) {
        TestBytes.writeText(fresh, path("loopback/a"), "a");
        fresh.rename(path("loopback/a"), path("loopback/b"));
        fresh.listStatus(path("loopback"));
        TestBytes.readText(fresh, path("loopback/b"));
        fresh.delete(path("loopback"), true);
      }
      contacted = recorder.hosts();
    }

    assertThat(contacted).isNotEmpty().allMatch(host -> host.equals("127.0.0.1"));
  }

  private static byte[] slice(byte[] bytes, long offset, int length) {
    byte[] slice = new byte[length];
    System.arraycopy(bytes, (int) offset, slice, 0, length);
    return slice;
  }
}
