package dev.lepton.migrate.deltalog;

import static dev.lepton.migrate.deltalog.DeltaTables.hadoopPath;
import static dev.lepton.migrate.deltalog.DeltaTables.localFs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
      writeCommit(source, v, "part-" + v + ".parquet");
      writeCommit(target, v, "part-" + v + ".parquet");
    }
  }

  @Test
  void identicalLogsHaveNoDifference() {
    assertThat(log(source).firstDifferingVersion(log(target), 0, 7)).isEmpty();
  }

  @Test
  void findsSameSizeDifferentBytes() throws IOException {
    writeCommit(target, 5, "part-X.parquet");
    writeCommit(target, 6, "part-Y.parquet");
    assertThat(Files.size(commit(target, 5))).isEqualTo(Files.size(commit(source, 5)));

    assertThat(log(source).firstDifferingVersion(log(target), 0, 7)).contains(5L);
    assertThat(log(source).firstDifferingVersion(log(target), 6, 7)).contains(6L);
    assertThat(log(source).firstDifferingVersion(log(target), 0, 4)).isEmpty();
  }

  @Test
  void findsCommitOfDifferentSize() throws IOException {
    writeCommit(target, 2, "part-with-a-longer-name.parquet");

    assertThat(log(target).firstDifferingVersion(log(source), 0, 7)).contains(2L);
  }

  @Test
  void comparesOnlyVersionsBothLogsCover() throws IOException {
    Files.delete(commit(target, 0));
    Files.delete(commit(target, 1));
    writeCommit(source, 8, "part-8.parquet");

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

  private static void writeCommit(java.nio.file.Path table, long version, String file)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("{\"commitInfo\":{\"timestamp\":" + (1700000000000L + version) + "}}");
    if (version == 0) {
      lines.add("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}");
      lines.add("{\"metaData\":{\"id\":\"t\",\"schemaString\":\"{}\",\"partitionColumns\":[],"
          + "\"configuration\":{}}}");
    }
    lines.add("{\"add\":{\"path\":\"" + file + "\",\"partitionValues\":{},\"size\":1,"
        + "\"modificationTime\":1,\"dataChange\":true}}");
    Files.createDirectories(table.resolve("_delta_log"));
    Files.write(commit(table, version), lines, StandardCharsets.UTF_8);
  }
}
