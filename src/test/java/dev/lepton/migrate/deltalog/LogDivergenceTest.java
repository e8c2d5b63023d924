package dev.lepton.migrate.deltalog;

import static dev.lepton.migrate.deltalog.DeltaTables.hadoopPath;
import static dev.lepton.migrate.deltalog.DeltaTables.localFs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.hadoop.util.PureJavaCrc32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compares the commit files of two hand-written logs of versions 0 to 7. */
class LogDivergenceTest {
  @TempDir java.nio.file.Path source;
  @TempDir java.nio.file.Path target;

  @BeforeEach
  void writeLogs() throws IOException {
    for (long v = 0; v <= 7; v++) {
      DeltaTables.writeCommit(source, v, "part-" + v + ".parquet");
      DeltaTables.writeCommit(target, v, "part-" + v + ".parquet");
    }
  }

  @Test
  void identicalLogsHaveNoDifference() {
    assertThat(log(source).firstDifferingVersion(log(target), 0, 7)).isEmpty();
  }

  @Test
  void findsSameSizeDifferentBytes() throws IOException {
    DeltaTables.writeCommit(target, 5, "part-X.parquet");
    DeltaTables.writeCommit(target, 6, "part-Y.parquet");
    assertThat(Files.size(commit(target, 5))).isEqualTo(Files.size(commit(source, 5)));

    assertThat(log(source).firstDifferingVersion(log(target), 0, 7)).contains(5L);
    assertThat(log(source).firstDifferingVersion(log(target), 6, 7)).contains(6L);
    assertThat(log(source).firstDifferingVersion(log(target), 0, 4)).isEmpty();
  }

  @Test
  void findsCommitOfDifferentSize() throws IOException {
    DeltaTables.writeCommit(target, 2, "part-with-a-longer-name.parquet");

    assertThat(log(target).firstDifferingVersion(log(source), 0, 7)).contains(2L);
  }

  @Test
  void comparesOnlyVersionsBothLogsCover() throws IOException {
    Files.delete(commit(target, 0));
    Files.delete(commit(target, 1));
    DeltaTables.writeCommit(source, 8, "part-8.parquet");

    assertThat(log(source).firstDifferingVersion(log(target), 0, 8)).isEqualTo(Optional.empty());
  }

  @Test
  void commitChecksumIsCrc32cOfTheFileBytes() throws IOException {
    byte[] bytes = Files.readAllBytes(commit(source, 3));
    PureJavaCrc32C expected = new PureJavaCrc32C();
    expected.update(bytes, 0, bytes.length);

    CommitChecksum checksum = log(source).commitChecksum(3);

    assertThat(checksum.version()).isEqualTo(3);
    assertThat(checksum.size()).isEqualTo(bytes.length);
    assertThat(checksum.crc32c()).isEqualTo(String.format("%08x", expected.getValue()));
  }

  private static DeltaLog log(java.nio.file.Path table) {
    return DeltaLog.forTable(localFs(), hadoopPath(table));
  }

  private static java.nio.file.Path commit(java.nio.file.Path table, long version) {
    return table.resolve("_delta_log").resolve(LogFile.commitFileName(version));
  }
}
