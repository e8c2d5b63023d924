package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
  @TempDir java.nio.file.Path dir;

  private Configuration conf;
  private RawLocalFileSystem fs;

  @BeforeEach
  void open() throws Exception {
    conf = new Configuration(false);
    conf.set("fs.permissions.umask-mode", "022");
    fs = LocalFiles.open(conf);
  }

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void createAppliesUmaskToNewPaths() throws Exception {
    Path folder = new Path(dir.toUri().toString(), "a/b");
    Path file = new Path(folder + "/part:1.txt");
    try (FSDataOutputStream out = fs.create(file, false)) {
      out.write("x".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part:1.txt"))))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(fs.getFileStatus(file).getPermission()).isEqualTo(new FsPermission((short) 0644));
  }

  @Test
  void setPermissionMapsEveryBit() throws Exception {
    java.nio.file.Path file = Files.writeString(dir.resolve("f"), "x");
    Path path = new Path(file.toUri().toString());

    fs.setPermission(path, new FsPermission((short) 0751));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-x--x");
    fs.setPermission(path, new FsPermission((short) 0426));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r---w-rw-");
  }

  @Test
  void setPermissionMissingFileFails() {
    Path missing = new Path(dir.toUri().toString(), "missing");
    assertThatThrownBy(() -> fs.setPermission(missing, new FsPermission((short) 0644)))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void linkStatusOfEachPathKind() throws Exception {
    java.nio.file.Path file = Files.writeString(dir.resolve("data.txt"), "12345");
    java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link"), file);

    FileStatus fileStatus = fs.getFileLinkStatus(new Path(file.toUri().toString()));
    assertThat(fileStatus.isFile()).isTrue();
    assertThat(fileStatus.isSymlink()).isFalse();
    assertThat(fileStatus.getLen()).isEqualTo(5);
    assertThat(fs.getFileLinkStatus(new Path(dir.toUri().toString())).isDirectory()).isTrue();

    FileStatus linkStatus = fs.getFileLinkStatus(new Path(link.toUri().toString()));
    assertThat(linkStatus.isSymlink()).isTrue();
    assertThat(linkStatus.getSymlink().toUri().getPath()).isEqualTo(file.toString());

    assertThatThrownBy(() -> fs.getFileLinkStatus(new Path(dir.toUri().toString(), "gone")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("gone");
  }

  @Test
  void committerKeepsExistingTarget() throws Exception {
    Path staged = new Path(dir.toUri().toString(), "staged");
    Path target = new Path(dir.toUri().toString(), "out/a:b.json");
    write(staged, "first");
    TargetCommitter committer = new TargetCommitter(fs);

    committer.commit(staged, target, TargetCommitter.Mode.CREATE_IF_ABSENT);
    assertThat(Files.readString(dir.resolve("out/a:b.json"))).isEqualTo("first");
    assertThat(Files.exists(dir.resolve("staged"))).isFalse();

    write(staged, "second");
    assertThatThrownBy(() -> committer.commit(staged, target, TargetCommitter.Mode.CREATE_IF_ABSENT))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(dir.resolve("out/a:b.json"))).isEqualTo("first");

    committer.commit(staged, target, TargetCommitter.Mode.REPLACE);
    assertThat(Files.readString(dir.resolve("out/a:b.json"))).isEqualTo("second");
  }

  @Test
  void storesReusesRawFileSystem() throws Exception {
    Location location = Location.parse(dir.toUri().toString(), "test");
    Configuration shared = new Configuration();
    FileSystem first = Stores.fileSystem(location, shared);
    FileSystem second = Stores.fileSystem(location, shared);

    assertThat(first).isInstanceOf(LocalFiles.WithoutProcesses.class);
    assertThat(second).isSameAs(first);
  }

  private void write(Path path, String text) throws Exception {
    try (FSDataOutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
