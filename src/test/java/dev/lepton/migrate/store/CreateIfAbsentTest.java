package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.testing.MiniHdfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The create-if-absent strategies of local files and HDFS, run against the real stores. */
class CreateIfAbsentTest {
  @TempDir static java.nio.file.Path localDir;

  /** A store under test: its file system and a fresh folder on it. */
  record Store(String name, FileSystem fs, Path folder) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Store> stores() throws IOException {
    FileSystem local = Stores.targetFileSystem(Location.parse(localDir.toString(), "test"), new Configuration());
    FileSystem hdfs = MiniHdfs.fileSystem();
    String unique = Long.toString(System.nanoTime());
    return Stream.of(
        new Store("local", local, new Path(localDir.toUri().toString(), unique)),
        new Store("hdfs", hdfs, new Path(MiniHdfs.uri() + "/create-if-absent/" + unique)));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void strategyMatchesStore(Store store) {
    CreateIfAbsent strategy = CreateIfAbsent.forStore(store.fs());

    if (store.name().equals("local")) {
      assertThat(strategy).isInstanceOf(HardLinkPublish.class);
    } else {
      assertThat(strategy).isInstanceOfSatisfying(RenamePublish.class,
          rename -> assertThat(rename.guarantee()).isEqualTo(RenamePublish.Guarantee.FILE_CONTEXT_RENAME));
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void createsAbsentFileAndRemovesStagingFile(Store store) throws IOException {
    Path target = new Path(store.folder(), "_delta_log/00000000000000000000.json");
    Path staging = new Path(store.folder(), "_staging");

    CreateIfAbsent.writeBytes(store.fs(), target, bytes("first"), staging);

    assertThat(read(store.fs(), target)).isEqualTo("first");
    assertThat(store.fs().exists(staging) ? store.fs().listStatus(staging) : new FileStatus[0]).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void rejectsExistingFileAndKeepsItsBytes(Store store) throws IOException {
    Path target = new Path(store.folder(), "taken.json");
    Path staging = new Path(store.folder(), "_staging");
    CreateIfAbsent.writeBytes(store.fs(), target, bytes("first"), staging);

    assertThatThrownBy(() -> CreateIfAbsent.writeBytes(store.fs(), target, bytes("second"), staging))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("File exists")
        .hasMessageContaining("taken.json");
    assertThat(read(store.fs(), target)).isEqualTo("first");
  }

  @ParameterizedTest
  @MethodSource("stores")
  void exactlyOneConcurrentWriterWins(Store store) throws Exception {
    Path target = new Path(store.folder(), "race.json");
    Path staging = new Path(store.folder(), "_staging");
    int writers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        String content = "writer-" + i;
        Callable<String> attempt = () -> {
          start.await();
          try {
            CreateIfAbsent.writeBytes(store.fs(), target, bytes(content), staging);
            return content;
          } catch (FileAlreadyExistsException e) {
            return null;
          }
        };
        results.add(pool.submit(attempt));
      }
      start.countDown();
      List<String> winners = new ArrayList<>();
      for (Future<String> result : results) {
        String winner = result.get();
        if (winner != null) {
          winners.add(winner);
        }
      }

      assertThat(winners).hasSize(1);
      assertThat(read(store.fs(), target)).isEqualTo(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
