package dev.lepton.migrate.testing.abfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.testing.http.ConnectionRecorder;
import dev.lepton.migrate.testing.http.TestBytes;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.azurebfs.contracts.exceptions.AbfsRestOperationException;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives the real ABFS driver (hadoop-azure 3.3.4) against {@link AbfsTestServer}. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AbfsConnectorTest {
  private static final String FILESYSTEM = "data";
  private static final int LIST_PAGE_SIZE = 100;

  @TempDir static Path serverRoot;

  private static AbfsTestServer server;
  private static FileSystem fs;

  @BeforeAll
  static void startServer() throws IOException {
    server = AbfsTestServer.start(serverRoot).createFilesystem(FILESYSTEM);
    fs = FileSystem.get(URI.create(AbfsTestServer.uri(FILESYSTEM)), driverConf(server));
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

  @AfterEach
  void restoreBatchSize() {
    server.setDirectoryBatchSize(Integer.MAX_VALUE);
  }

  static Configuration driverConf(AbfsTestServer abfs) {
    Configuration conf = new Configuration();
    abfs.hadoopConf().forEach(conf::set);
    conf.setInt("fs.azure.list.max.results", LIST_PAGE_SIZE);
    conf.setBoolean("fs.abfs.impl.disable.cache", true);
    // A short backoff keeps retry tests fast, and the retry count stays the driver's own.
    conf.setInt("fs.azure.io.retry.min.backoff.interval", 100);
    conf.setInt("fs.azure.io.retry.backoff.interval", 100);
    conf.setInt("fs.azure.io.retry.max.backoff.interval", 500);
    return conf;
  }

  private static org.apache.hadoop.fs.Path path(String name) {
    return new org.apache.hadoop.fs.Path("/" + name);
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
  void largeWriteUsesBlocksOnDisk() throws Exception {
    int size = 40 * 1024 * 1024;
    TestBytes.write(fs, path("blocks/large"), size, 3);

    // The driver's write buffer is 8 MiB by default, so 40 MiB take five appends and one flush.
    assertThat(server.calls().count(AbfsCall.APPEND)).isEqualTo(5);
    assertThat(server.calls().count(AbfsCall.FLUSH)).isEqualTo(1);
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
        .hasMessageContaining("PathAlreadyExists");
    assertThat(TestBytes.readText(fs, file)).isEqualTo("first");
  }

  @Test
  void overwriteReplacesContent() throws Exception {
    org.apache.hadoop.fs.Path file = path("overwrite/file");
    TestBytes.writeText(fs, file, "first version");
    String firstEtag = etagOf(file);

    TestBytes.writeText(fs, file, "second");

    assertThat(TestBytes.readText(fs, file)).isEqualTo("second");
    assertThat(fs.getFileStatus(file).getLen()).isEqualTo(6);
    assertThat(etagOf(file)).isNotEqualTo(firstEtag);
  }

  @Test
  void seeksAndPositionedReadsReturnTheRightBytes() throws Exception {
    org.apache.hadoop.fs.Path file = path("ranges/file");
    int size = 12 * 1024 * 1024 + 11;
    TestBytes.write(fs, file, size, 42);
    byte[] expected = TestBytes.generate(size, 42);

    try (FSDataInputStream in = fs.open(file)) {
      for (long position : new long[] {size - 100, 17, 9 * 1024 * 1024, 0, 4 * 1024 * 1024 - 50}) {
        in.seek(position);
        byte[] actual = new byte[100];
        in.readFully(actual);
        assertThat(actual).as("bytes at %d", position).isEqualTo(slice(expected, position, actual.length));
      }
      byte[] positioned = new byte[1000];
      in.readFully(5_000_000, positioned);
      assertThat(positioned).isEqualTo(slice(expected, 5_000_000, 1000));
      in.seek(size);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(server.calls().count(AbfsCall.READ)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void openStreamFailsAfterConcurrentOverwrite() throws Exception {
    org.apache.hadoop.fs.Path file = path("changed/file");
    TestBytes.writeText(fs, file, "first");

    try (FSDataInputStream in = fs.open(file)) {
      TestBytes.writeText(fs, file, "other");

      // The driver reads with If-Match on the etag it saw when opening the file.
      assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("412");
    }
  }

  @Test
  void listingWithSmallPagesReturnsEveryFileOnce() throws Exception {
    int count = 2500;
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("file-%05d", i);
      server.putFile(FILESYSTEM, "flat/" + name, new byte[] {(byte) i});
      expected.add(name);
    }

    FileStatus[] listed = fs.listStatus(path("flat"));

    List<String> names = new ArrayList<>();
    for (FileStatus status : listed) {
      names.add(status.getPath().getName());
    }
    assertThat(names).hasSize(count).doesNotHaveDuplicates();
    assertThat(new HashSet<>(names)).isEqualTo(expected);
    assertThat(server.calls().count(AbfsCall.LIST_PATHS)).isEqualTo(count / LIST_PAGE_SIZE);
  }

  @Test
  void recursiveListingReturnsNestedFilesOnce() throws Exception {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 2500; i++) {
      String name = String.format("tree/d%d/e%d/file-%04d", i % 7, i % 3, i);
      server.putFile(FILESYSTEM, name, new byte[0]);
      expected.add(AbfsTestServer.uri(FILESYSTEM) + name);
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
  void hflushMakesDataVisibleBeforeClose() throws Exception {
    org.apache.hadoop.fs.Path file = path("hflush/file");

    try (FSDataOutputStream out = fs.create(file)) {
      out.write("visible".getBytes(StandardCharsets.UTF_8));
      out.hflush();

      assertThat(TestBytes.readText(fs, file)).isEqualTo("visible");
      out.write(" later".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(TestBytes.readText(fs, file)).isEqualTo("visible later");
    assertThat(server.calls().count(AbfsCall.FLUSH)).isEqualTo(2);
  }

  @Test
  void appendContinuesExistingFile() throws Exception {
    org.apache.hadoop.fs.Path file = path("append/file");
    TestBytes.writeText(fs, file, "start");

    try (FSDataOutputStream out = fs.append(file)) {
      out.write("+more".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(TestBytes.readText(fs, file)).isEqualTo("start+more");
  }

  @Test
  void extendedAttributesRoundTrip() throws Exception {
    org.apache.hadoop.fs.Path file = path("xattr/file");
    TestBytes.writeText(fs, file, "x");

    fs.setXAttr(file, "user.color", "blue".getBytes(StandardCharsets.UTF_8));

    assertThat(fs.getXAttr(file, "user.color")).isEqualTo("blue".getBytes(StandardCharsets.UTF_8));
    assertThat(server.calls().count(AbfsCall.SET_PROPERTIES)).isEqualTo(1);
  }

  @Test
  void permissionsAndOwnerAreStored() throws Exception {
    org.apache.hadoop.fs.Path file = path("posix/file");
    TestBytes.writeText(fs, file, "x");

    fs.setPermission(file, new FsPermission((short) 0600));
    fs.setOwner(file, "alice", "analysts");

    FileStatus status = fs.getFileStatus(file);
    assertThat(status.getPermission().toString()).isEqualTo("rw-------");
    assertThat(status.getOwner()).isEqualTo("alice");
    assertThat(status.getGroup()).isEqualTo("analysts");
    assertThat(fs.getAclStatus(file).getPermission().toString()).isEqualTo("rw-------");
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
  }

  @Test
  void renameOntoExistingFileFails() throws Exception {
    TestBytes.writeText(fs, path("rename-clash/a"), "a");
    TestBytes.writeText(fs, path("rename-clash/b"), "b");

    assertThat(fs.rename(path("rename-clash/a"), path("rename-clash/b"))).isFalse();

    assertThat(TestBytes.readText(fs, path("rename-clash/b"))).isEqualTo("b");
    assertThat(TestBytes.readText(fs, path("rename-clash/a"))).isEqualTo("a");
  }

  @Test
  void largeDirectoryRenameFollowsContinuations() throws Exception {
    for (int i = 0; i < 250; i++) {
      server.putFile(FILESYSTEM, "big-rename/src/d" + (i % 5) + "/f" + i, new byte[] {1});
    }
    server.setDirectoryBatchSize(100);

    assertThat(fs.rename(path("big-rename/src"), path("big-rename/dst"))).isTrue();

    assertThat(server.calls().count(AbfsCall.RENAME)).isEqualTo(3);
    assertThat(server.paths(FILESYSTEM)).noneMatch(name -> name.startsWith("big-rename/src"));
    assertThat(server.paths(FILESYSTEM)).filteredOn(name -> name.startsWith("big-rename/dst/")).hasSize(255);
  }

  @Test
  void recursiveDeleteFollowsContinuations() throws Exception {
    for (int i = 0; i < 250; i++) {
      server.putFile(FILESYSTEM, "big-delete/dir/d" + (i % 5) + "/f" + i, new byte[] {1});
    }
    server.setDirectoryBatchSize(100);

    assertThat(fs.delete(path("big-delete/dir"), true)).isTrue();

    assertThat(server.calls().count(AbfsCall.DELETE)).isEqualTo(3);
    assertThat(fs.exists(path("big-delete/dir"))).isFalse();
    assertThat(server.paths(FILESYSTEM)).noneMatch(name -> name.startsWith("big-delete/dir"));
  }

  @Test
  void nonRecursiveDeleteOfNonEmptyDirectoryFails() throws Exception {
    TestBytes.writeText(fs, path("keep/child"), "x");

    assertThatThrownBy(() -> fs.delete(path("keep"), false)).isInstanceOf(IOException.class);

    assertThat(fs.exists(path("keep/child"))).isTrue();
  }

  @Test
  void mkdirsCreatesDirectories() throws Exception {
    assertThat(fs.mkdirs(path("made/a/b"))).isTrue();

    assertThat(fs.getFileStatus(path("made/a/b")).isDirectory()).isTrue();
    assertThat(fs.getFileStatus(path("made/a")).isDirectory()).isTrue();
    assertThat(server.paths(FILESYSTEM)).contains("made", "made/a", "made/a/b");
  }

  @Test
  void missingFileRaisesFileNotFound() {
    assertThatThrownBy(() -> fs.getFileStatus(path("missing/file")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing/file");
    assertThatThrownBy(() -> fs.open(path("missing/file")).read()).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void modificationTimeIsTheFlushTimeInSeconds() throws Exception {
    long before = System.currentTimeMillis();
    TestBytes.writeText(fs, path("mtime/file"), "x");
    long after = System.currentTimeMillis();

    long modified = fs.getFileStatus(path("mtime/file")).getModificationTime();

    assertThat(modified % 1000).isZero();
    assertThat(modified).isBetween(before - before % 1000, after);
  }

  @Test
  void awkwardNamesAreListedBackExactly() throws Exception {
    String nfc = "caf\u00e9";
    String nfd = "cafe\u0301";
    List<String> names =
        List.of("with space", "per%cent", "plus+sign", "hash#tag", "question?mark", "equals=sign",
            "co:lon", nfc, nfd, "emoji-\uD83D\uDE00", "semi;colon&amp");
    for (String name : names) {
      TestBytes.writeText(fs, awkward(name), name);
    }

    Set<String> listed =
        List.of(fs.listStatus(path("awkward"))).stream()
            .map(status -> status.getPath().getName())
            .collect(Collectors.toSet());

    assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
    assertThat(server.paths(FILESYSTEM))
        .filteredOn(name -> name.startsWith("awkward/"))
        .containsExactlyInAnyOrderElementsOf(names.stream().map(name -> "awkward/" + name).toList());
    for (String name : names) {
      assertThat(TestBytes.readText(fs, awkward(name))).as("content of %s", name).isEqualTo(name);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 500})
  void injectedServerErrorsAreRetried(int status) throws Exception {
    org.apache.hadoop.fs.Path file = path("faults/file-" + status);
    TestBytes.writeText(fs, file, "payload");
    server.calls().reset();

    server.faults().failNext(AbfsCall.GET_STATUS, 2, status);
    server.faults().failNext(AbfsCall.READ, 2, status);
    String read = TestBytes.readText(fs, file);

    assertThat(read).isEqualTo("payload");
    assertThat(server.calls().faulted(AbfsCall.GET_STATUS)).isEqualTo(2);
    assertThat(server.calls().count(AbfsCall.GET_STATUS)).isEqualTo(3);
    assertThat(server.calls().faulted(AbfsCall.READ)).isEqualTo(2);
  }

  @Test
  void tooManyRequestsIsNotRetried() throws Exception {
    org.apache.hadoop.fs.Path file = path("faults/throttled");
    TestBytes.writeText(fs, file, "payload");
    server.calls().reset();

    // hadoop-azure 3.3.4 retries only 408 and 5xx other than 501 and 505. The service throttles with 503.
    server.faults().failNext(AbfsCall.GET_STATUS, 1, 429);

    assertThatThrownBy(() -> fs.getFileStatus(file))
        .isInstanceOfSatisfying(AbfsRestOperationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
    assertThat(server.calls().count(AbfsCall.GET_STATUS)).isEqualTo(1);
  }

  @Test
  void leasedDirectoryHoldsWritersOut() throws Exception {
    Configuration conf = driverConf(server);
    conf.set("fs.azure.infinite-lease.directories", "/leased");
    conf.setInt("fs.azure.lease.threads", 2);
    org.apache.hadoop.fs.Path file = path("leased/file");

    try (FileSystem leasing = FileSystem.get(URI.create(AbfsTestServer.uri(FILESYSTEM)), conf)) {
      FSDataOutputStream out = leasing.create(file);
      out.write("held".getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> fs.delete(file, false))
          .isInstanceOfSatisfying(AbfsRestOperationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412))
          .hasMessageContaining("LeaseIdMissing");
      out.close();
    }

    assertThat(server.calls().count(AbfsCall.LEASE)).isGreaterThanOrEqualTo(2);
    assertThat(TestBytes.readText(fs, file)).isEqualTo("held");
    assertThat(fs.delete(file, false)).isTrue();
  }

  @Test
  void wrongAccountKeyIsRejected() throws Exception {
    Configuration conf = driverConf(server);
    conf.set("fs.azure.account.key." + AbfsTestServer.ACCOUNT_HOST, "d3Jvbmcta2V5LWZvci10aGUtdGVzdA==");

    try (FileSystem wrongKey = FileSystem.get(URI.create(AbfsTestServer.uri(FILESYSTEM)), conf)) {
      assertThatThrownBy(() -> wrongKey.getFileStatus(path("/")))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("403");
    }
  }

  @Test
  void driverContactsOnlyLoopback() throws Exception {
    List<String> contacted;
    try (ConnectionRecorder recorder = ConnectionRecorder.install()) {
      try (FileSystem fresh = FileSystem.get(URI.create(AbfsTestServer.uri(FILESYSTEM)), driverConf(server))) {
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

  private static org.apache.hadoop.fs.Path awkward(String name) throws Exception {
    return new org.apache.hadoop.fs.Path(new URI(null, null, "/awkward/" + name, null));
  }

  private static String etagOf(org.apache.hadoop.fs.Path file) throws IOException {
    return ((EtagSource) fs.getFileStatus(file)).getEtag();
  }

  private static byte[] slice(byte[] bytes, long offset, int length) {
    byte[] slice = new byte[length];
    System.arraycopy(bytes, (int) offset, slice, 0, length);
    return slice;
  }
}
