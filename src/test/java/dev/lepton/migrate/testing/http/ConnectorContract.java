package dev.lepton.migrate.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file system behaviour that every real Hadoop connector shows against its loopback test
 * server, run unchanged against each. A subclass starts its server with one bucket or filesystem,
 * tunes the connector, and adds the checks that only its service has.
 *
 * <p>One server and one {@link FileSystem} serve all tests of a class. Request counts and pending
 * faults are reset before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class ConnectorContract {
  /** Entries per listing call; a subclass sets its connector's page size to this. */
  protected static final int LIST_PAGE_SIZE = 100;

  private final URI rootUri;

  /** The server's root directory, with stored bodies under {@code blobs}. */
  protected java.nio.file.Path serverRoot;

  /** The connector on the root URI, with the settings of {@link #connectorConf()}. */
  protected FileSystem fs;

  private LoopbackTestServer<?> server;

  /** Creates the contract for the connector on {@code rootUri}, a bucket's or filesystem's root ending with a slash. */
  protected ConnectorContract(URI rootUri) {
    this.rootUri = rootUri;
  }

  /** Starts the server with its data under {@code rootDir} and creates the bucket or filesystem. */
  protected abstract LoopbackTestServer<?> startServer(java.nio.file.Path rootDir) throws IOException;

  /**
   * Adds the settings that the connector's tests need to {@code conf}, which already points at the
   * server. Sets the connector's listing page size to {@link #LIST_PAGE_SIZE}.
   */
  protected abstract void tuneConnector(Configuration conf);

  /** Returns the names that the server stores for the bucket or filesystem. */
  protected abstract List<String> storedNames();

  /** Stores a file on the server directly, without a request. */
  protected abstract void putFile(String name, byte[] content) throws IOException;

  /** Returns a part of the message of the exception that a create without overwrite raises. */
  protected abstract String alreadyExistsMessagePart(String name);

  /** Returns the names that the server stores for {@code name} and its parents after mkdirs. */
  protected abstract List<String> storedDirectoryNames(String name);

  /** Asserts the listing calls that a listing of {@code pages} full pages made. */
  protected abstract void assertListingCalls(int pages);

  @BeforeAll
  void startServerAndConnector(@TempDir java.nio.file.Path rootDir) throws IOException {
    serverRoot = rootDir;
    server = startServer(rootDir);
    fs = openFileSystem(connectorConf());
  }

  @AfterAll
  void stopServerAndConnector() throws IOException {
    fs.close();
    server.close();
  }

  @BeforeEach
  void resetCounters() {
    server.faults().clear();
    server.calls().reset();
  }

  /** Returns new connector settings, which combine the server's settings, no Hadoop cache and the subclass's tuning. */
  protected Configuration connectorConf() {
    Configuration conf = new Configuration();
    server.hadoopConf().forEach(conf::set);
    // Tests open instances with settings of their own, so none may come from Hadoop's cache.
    conf.setBoolean("fs." + rootUri.getScheme() + ".impl.disable.cache", true);
    tuneConnector(conf);
    return conf;
  }

  /** Opens a file system on the root URI with {@code conf}. The caller closes it. */
  protected FileSystem openFileSystem(Configuration conf) throws IOException {
    return FileSystem.get(rootUri, conf);
  }

  /**
   * Writes {@code text} to the file {@code name} and then resets the request counts, so that a test
   * counts only the requests that follow. Returns the file's path.
   */
  protected Path writeUncounted(String name, String text) throws IOException {
    Path file = path(name);
    TestBytes.writeText(fs, file, text);
    server.calls().reset();
    return file;
  }

  /** Returns the path of {@code name}, relative to the root. */
  protected Path path(String name) {
    return new Path(rootUri + name);
  }

  /**
   * Returns the path of {@code name} under {@code awkward/}, built from URI parts so that
   * characters such as {@code %}, {@code #} and {@code ?} stay part of the name.
   */
  private Path awkwardPath(String name) throws URISyntaxException {
    return new Path(new URI(rootUri.getScheme(), rootUri.getAuthority(), "/awkward/" + name, null, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5000, 40 * 1024 * 1024 + 7})
  void roundTripKeepsEveryByte(int size) throws Exception {
    Path file = path("roundtrip/file-" + size);

    byte[] written = TestBytes.write(fs, file, size, size);

    assertThat(fs.getFileStatus(file).getLen()).isEqualTo(size);
    assertThat(TestBytes.sha256(fs, file)).isEqualTo(written);
  }

  @Test
  void createWithoutOverwriteFailsOnExistingFile() throws Exception {
    Path file = path("no-overwrite/file");
    TestBytes.writeText(fs, file, "first");

    assertThatThrownBy(() -> fs.create(file, false).close())
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining(alreadyExistsMessagePart("no-overwrite/file"));
    assertThat(TestBytes.readText(fs, file)).isEqualTo("first");
  }

  /**
   * Seeks within a 12 MiB file, also across the 4 MiB read requests of the ABFS driver, and makes
   * positioned reads. A subclass may add the read calls it expects.
   */
  @Test
  protected void seeksAndPositionedReadsReturnTheRightBytes() throws Exception {
    Path file = path("ranges/file");
    int size = 12 * 1024 * 1024 + 11;
    TestBytes.write(fs, file, size, 42);
    byte[] expected = TestBytes.generate(size, 42);

    try (FSDataInputStream in = fs.open(file)) {
      long[] positions = {size - 100, 17, 2 * 1024 * 1024, 9 * 1024 * 1024, 0, 4 * 1024 * 1024 - 50};
      for (long position : positions) {
        in.seek(position);
        byte[] actual = new byte[100];
        in.readFully(actual);
        assertThat(actual).as("bytes at %d", position).isEqualTo(slice(expected, position, actual.length));
      }
      for (long position : new long[] {1_500_000, 5_000_000}) {
        byte[] positioned = new byte[1000];
        in.readFully(position, positioned);
        assertThat(positioned).as("positioned read at %d", position).isEqualTo(slice(expected, position, 1000));
      }
      // The GCS connector rejects a seek to the end itself, so this stops one byte short.
      in.seek(size - 1);
      assertThat(in.read()).isEqualTo(expected[size - 1] & 0xff);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void listingWithSmallPagesReturnsEveryFileOnce() throws Exception {
    int count = 2500;
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("file-%05d", i);
      putFile("flat/" + name, new byte[] {(byte) i});
      expected.add(name);
    }

    FileStatus[] listed = fs.listStatus(path("flat"));

    List<String> names = new ArrayList<>();
    for (FileStatus status : listed) {
      names.add(status.getPath().getName());
    }
    assertThat(names).hasSize(count).doesNotHaveDuplicates();
    assertThat(new HashSet<>(names)).isEqualTo(expected);
    assertListingCalls(count / LIST_PAGE_SIZE);
  }

  @Test
  void recursiveListingReturnsNestedFilesOnce() throws Exception {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 2500; i++) {
      String name = String.format("tree/d%d/e%d/file-%04d", i % 7, i % 3, i);
      putFile(name, new byte[0]);
      expected.add(rootUri + name);
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
  protected void renameMovesFileAndDirectory() throws Exception {
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
  void mkdirsCreatesDirectories() throws Exception {
    assertThat(fs.mkdirs(path("made/a/b"))).isTrue();

    assertThat(fs.getFileStatus(path("made/a/b")).isDirectory()).isTrue();
    assertThat(fs.getFileStatus(path("made/a")).isDirectory()).isTrue();
    assertThat(storedNames()).containsAll(storedDirectoryNames("made/a/b"));
  }

  @Test
  void missingFileRaisesFileNotFound() {
    assertThatThrownBy(() -> fs.getFileStatus(path("missing/file")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing/file");
    assertThatThrownBy(() -> fs.open(path("missing/file")).read()).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void awkwardNamesAreListedBackExactly() throws Exception {
    String nfc = "caf\u00e9";
    String nfd = "cafe\u0301";
    List<String> names =
        List.of("with space", "per%cent", "plus+sign", "hash#tag", "question?mark", "equals=sign",
            "co:lon", nfc, nfd, "emoji-\uD83D\uDE00", "semi;colon&amp");
    for (String name : names) {
      TestBytes.writeText(fs, awkwardPath(name), name);
    }

    Set<String> listed =
        List.of(fs.listStatus(path("awkward"))).stream()
            .map(status -> status.getPath().getName())
            .collect(Collectors.toSet());

    assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
    assertThat(storedNames())
        .filteredOn(name -> name.startsWith("awkward/"))
        .containsExactlyInAnyOrderElementsOf(names.stream().map(name -> "awkward/" + name).toList());
    for (String name : names) {
      assertThat(TestBytes.readText(fs, awkwardPath(name))).as("content of %s", name).isEqualTo(name);
    }
  }

  @Test
  void connectorContactsOnlyLoopback() throws Exception {
    List<String> contacted;
    try (ConnectionRecorder recorder = ConnectionRecorder.install()) {
      try (FileSystem fresh = openFileSystem(connectorConf())) {
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
