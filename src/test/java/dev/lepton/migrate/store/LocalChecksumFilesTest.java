package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that Spark wrote through Hadoop's checksummed local file system, then replaced or deleted
 * by the job through the raw one, must read back as its new bytes through the checksummed one.
 */
class LocalChecksumFilesTest {
  @TempDir java.nio.file.Path dir;

  private final Configuration conf = new Configuration();

  @Test
  void replacedFileReadsAsItsNewBytes() throws IOException {
    LocalFileSystem checksummed = FileSystem.getLocal(conf);
    Path file = new Path(dir.toUri().toString(), "part-0.parquet");
    write(checksummed, file, "written by spark");
    assertThat(dir.resolve(".part-0.parquet.crc")).exists();
    FileSystem raw = Stores.targetFileSystem(Location.parse(dir.toString(), "test"), conf);
    Path staged = new Path(dir.toUri().toString(), "staged");
    write(raw, staged, "replaced by the job, longer than before");

    new TargetCommitter(raw).commit(staged, file, TargetCommitter.Mode.REPLACE);

    assertThat(dir.resolve(".part-0.parquet.crc")).doesNotExist();
    assertThat(read(checksummed, file)).isEqualTo("replaced by the job, longer than before");
  }

  @Test
  void deletedFileLosesItsSidecar() throws IOException {
    LocalFileSystem checksummed = FileSystem.getLocal(conf);
    Path file = new Path(dir.toUri().toString(), "00000000000000000002.json");
    write(checksummed, file, "{\"commitInfo\":{}}");
    FileSystem raw = Stores.targetFileSystem(Location.parse(dir.toString(), "test"), conf);

    assertThat(LocalChecksumFiles.delete(raw, file)).isTrue();
    write(raw, file, "{\"add\":{\"path\":\"a.parquet\"}}");

    assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("00000000000000000002.json");
    assertThat(read(checksummed, file)).isEqualTo("{\"add\":{\"path\":\"a.parquet\"}}");
  }

  @Test
  void nameWithColonLosesItsSidecar() throws IOException {
    FileSystem raw = Stores.targetFileSystem(Location.parse(dir.toString(), "test"), conf);
    Path file = new Path(new Path(dir.toUri().toString()), new Path(null, null, "colon:in:name.txt"));
    write(raw, file, "first");
    Files.writeString(dir.resolve(".colon:in:name.txt.crc"), "stale");

    assertThat(LocalChecksumFiles.delete(raw, file)).isTrue();

    assertThat(Files.list(dir)).isEmpty();
  }

  private static void write(FileSystem fs, Path file, String text) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
