package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.testing.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks a command runs on its target folders before the first write, on local files and HDFS. */
class TargetFoldersTest {
  private static final String SETTING = "migration.target (or --target)";

  @TempDir static java.nio.file.Path localDir;

  /** A store under test: its file system and a fresh folder on it that contains the file {@code file}. */
  record Store(String name, FileSystem fs, Path folder) {
    Path file() {
      return new Path(folder, "file");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Store> stores() throws IOException {
    String unique = Long.toString(System.nanoTime());
    Store local = new Store("local", FileSystem.getLocal(new Configuration()).getRaw(),
        new Path(localDir.toUri().toString(), unique));
    Store hdfs = new Store("hdfs", MiniHdfs.fileSystem(), new Path(MiniHdfs.uri() + "/target-folders/" + unique));
    for (Store store : new Store[] {local, hdfs}) {
      try (OutputStream out = store.fs().create(store.file())) {
        out.write('x');
      }
    }
    return Stream.of(local, hdfs);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void existingFolderPasses(Store store) {
    assertThatCode(() -> TargetFolders.requireFolderOrAbsent(store.fs(), store.folder(), "sync to", SETTING))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void absentFolderPasses(Store store) {
    Path absent = new Path(store.folder(), "a/b");

    assertThatCode(() -> TargetFolders.requireFolderOrAbsent(store.fs(), absent, "sync to", SETTING))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void fileIsRejected(Store store) {
    assertThatThrownBy(() -> TargetFolders.requireFolderOrAbsent(store.fs(), store.file(), "sync to", SETTING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Cannot sync to " + store.file() + ": it is a file, not a folder. Set " + SETTING
            + " to a folder, or to a path that does not exist yet.");
  }

  @ParameterizedTest
  @MethodSource("stores")
  void folderBelowFileIsRejected(Store store) {
    Path below = new Path(store.file(), "a/b");

    assertThatThrownBy(() -> TargetFolders.requireFolderOrAbsent(store.fs(), below, "sync to", SETTING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Cannot sync to " + below + ": " + store.file() + " is a file, not a folder. Set " + SETTING
            + " to a folder, or to a path that does not exist yet.");
  }

  @ParameterizedTest
  @MethodSource("stores")
  void createMakesMissingParents(Store store) throws IOException {
    Path nested = new Path(store.folder(), "state/deeper");

    TargetFolders.create(store.fs(), nested, "create the state folder", SETTING);

    assertThat(store.fs().getFileStatus(nested).isDirectory()).isTrue();
  }

  @Test
  void createReportsFolderTheStoreDidNotMake() {
    FileSystem rejecting = new RawLocalFileSystem() {
      @Override
      public boolean mkdirs(Path path) {
        return false;
      }
    };
    Path state = new Path(localDir.toUri().toString(), "refused/_lepton");

    assertThatThrownBy(() -> TargetFolders.create(rejecting, state, "create the state folder",
        "migration.state-dir (or --state-dir)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Cannot create the state folder " + state + ": the file system did not create it. Check that"
            + " this job may write there, or set migration.state-dir (or --state-dir) to a folder it can write.");
  }

  @Test
  void createReportsTheStoreError() {
    FileSystem denying = new RawLocalFileSystem() {
      @Override
      public boolean mkdirs(Path path) throws IOException {
        throw new java.nio.file.AccessDeniedException(path.toString());
      }
    };
    Path state = new Path(localDir.toUri().toString(), "denied/_lepton");

    assertThatThrownBy(() -> TargetFolders.create(denying, state, "create the state folder",
        "migration.state-dir (or --state-dir)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Cannot create the state folder " + state + ": " + state + ". Check that this job")
        .hasCauseInstanceOf(java.nio.file.AccessDeniedException.class);
  }
}
