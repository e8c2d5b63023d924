package dev.lepton.migrate.testing.abfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.testing.http.ConnectorContract;
import dev.lepton.migrate.testing.http.TestBytes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.azurebfs.contracts.exceptions.AbfsRestOperationException;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives the real ABFS driver (hadoop-azure 3.3.4) against {@link AbfsTestServer}. */
class AbfsConnectorTest extends ConnectorContract {
  private static final String FILESYSTEM = "data";

  private AbfsTestServer server;

  AbfsConnectorTest() {
    super(URI.create(AbfsTestServer.uri(FILESYSTEM)));
  }

  @Override
  protected AbfsTestServer startServer(Path rootDir) throws IOException {
    server = AbfsTestServer.start(rootDir).createFilesystem(FILESYSTEM);
    return server;
  }

  @AfterEach
  void restoreBatchSize() {
    server.setDirectoryBatchSize(Integer.MAX_VALUE);
  }

  @Override
  protected void tuneConnector(Configuration conf) {
    conf.setInt("fs.azure.list.max.results", LIST_PAGE_SIZE);
    // A short backoff keeps retry tests fast, and the retry count stays the driver's own.
    conf.setInt("fs.azure.io.retry.min.backoff.interval", 100);
    conf.setInt("fs.azure.io.retry.backoff.interval", 100);
    conf.setInt("fs.azure.io.retry.max.backoff.interval", 500);
  }

  @Override
  protected List<String> storedNames() {
    return server.paths(FILESYSTEM);
  }

  @Override
  protected void putFile(String name, byte[] content) throws IOException {
    server.putFile(FILESYSTEM, name, content);
  }

  /** Returns the service's error code, which the driver puts in the message. */
  @Override
  protected String alreadyExistsMessagePart(String name) {
    return "PathAlreadyExists";
  }

  /** Returns the entries of {@code name} and of each parent, because the namespace is hierarchical. */
  @Override
  protected List<String> storedDirectoryNames(String name) {
    List<String> names = new ArrayList<>();
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      names.add(name.substring(0, slash));
    }
    names.add(name);
    return names;
  }

  @Override
  protected void assertListingCalls(int pages) {
    assertThat(server.calls().count(AbfsCall.LIST_PATHS)).isEqualTo(pages);
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
  void overwriteReplacesContent() throws Exception {
    org.apache.hadoop.fs.Path file = path("overwrite/file");
    TestBytes.writeText(fs, file, "first version");
    String firstEtag = etagOf(file);

    TestBytes.writeText(fs, file, "second");

    assertThat(TestBytes.readText(fs, file)).isEqualTo("second");
    assertThat(fs.getFileStatus(file).getLen()).isEqualTo(6);
    assertThat(etagOf(file)).isNotEqualTo(firstEtag);
  }

  @Override
  @Test
  protected void seeksAndPositionedReadsReturnTheRightBytes() throws Exception {
    super.seeksAndPositionedReadsReturnTheRightBytes();

    org.apache.hadoop.fs.Path file = path("ranges/file");
    try (FSDataInputStream in = fs.open(file)) {
      in.seek(fs.getFileStatus(file).getLen());
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
  void modificationTimeIsTheFlushTimeInSeconds() throws Exception {
    long before = System.currentTimeMillis();
    TestBytes.writeText(fs, path("mtime/file"), "x");
    long after = System.currentTimeMillis();

    long modified = fs.getFileStatus(path("mtime/file")).getModificationTime();

    assertThat(modified % 1000).isZero();
    assertThat(modified).isBetween(before - before % 1000, after);
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 500})
  void injectedServerErrorsAreRetried(int status) throws Exception {
    org.apache.hadoop.fs.Path file = writeUncounted("faults/file-" + status, "payload");

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
    org.apache.hadoop.fs.Path file = writeUncounted("faults/throttled", "payload");

    // hadoop-azure 3.3.4 retries only 408 and 5xx other than 501 and 505. The service throttles with 503.
    server.faults().failNext(AbfsCall.GET_STATUS, 1, 429);

    assertThatThrownBy(() -> fs.getFileStatus(file))
        .isInstanceOfSatisfying(AbfsRestOperationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
    assertThat(server.calls().count(AbfsCall.GET_STATUS)).isEqualTo(1);
  }

  @Test
  void leasedDirectoryHoldsWritersOut() throws Exception {
    Configuration conf = connectorConf();
    conf.set("fs.azure.infinite-lease.directories", "/leased");
    conf.setInt("fs.azure.lease.threads", 2);
    org.apache.hadoop.fs.Path file = path("leased/file");

    try (FileSystem leasing = openFileSystem(conf)) {
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
    Configuration conf = connectorConf();
    conf.set("fs.azure.account.key." + AbfsTestServer.ACCOUNT_HOST, "d3Jvbmcta2V5LWZvci10aGUtdGVzdA==");

    try (FileSystem wrongKey = openFileSystem(conf)) {
      assertThatThrownBy(() -> wrongKey.getFileStatus(path("/")))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("403");
    }
  }

  private String etagOf(org.apache.hadoop.fs.Path file) throws IOException {
    return ((EtagSource) fs.getFileStatus(file)).getEtag();
  }
}
