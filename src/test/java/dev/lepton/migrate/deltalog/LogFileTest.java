package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogFileTest {

  @ParameterizedTest
  @CsvSource({
    "00000000000000000007.json, COMMIT, 7, 7, 1, 1",
    "00000000000000000010.checkpoint.parquet, CLASSIC_CHECKPOINT, 10, 10, 1, 1",
    "00000000000000000010.checkpoint.0000000002.0000000003.parquet, MULTI_PART_CHECKPOINT, 10, 10, 2, 3",
    "00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.json, UUID_CHECKPOINT, 2, 2, 1, 1",
    "00000000000000000002.checkpoint.6374b053-df23-479b-b2cf-c9c550132b49.parquet, UUID_CHECKPOINT, 2, 2, 1, 1",
    "00000000000000000004.00000000000000000006.compacted.json, LOG_COMPACTION, 4, 6, 1, 1",
    "00000000000000000012.crc, VERSION_CHECKSUM, 12, 12, 1, 1"
  })
  void classifiesProtocolFileNames(
      String name, LogFile.Type type, long version, long lastVersion, int part, int parts) {
    LogFile file = LogFile.of(file(name, 42)).orElseThrow();

    assertThat(file.type()).isEqualTo(type);
    assertThat(file.version()).isEqualTo(version);
    assertThat(file.lastVersion()).isEqualTo(lastVersion);
    assertThat(file.part()).isEqualTo(part);
    assertThat(file.parts()).isEqualTo(parts);
    assertThat(file.size()).isEqualTo(42);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "_last_checkpoint",
        ".00000000000000000003.json.crc",
        ".00000000000000000003.json.3f2a1c9e-8d6b-4f3a-9c1e-2b7d5e8f0a11.tmp",
        "00000000000000000003.json.tmp",
        "0000000000000000003.json",
        "00000000000000000006.00000000000000000004.compacted.json",
        "00000000000000000010.checkpoint.0000000000.0000000003.parquet",
        "00000000000000000010.checkpoint.0000000004.0000000003.parquet",
        "00000000000000000010.checkpoint.not-a-uuid.json",
        "_commits",
        "README"
      })
  void ignoresFilesOutsideThePublishedLog(String name) {
    assertThat(LogFile.of(file(name, 1))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"_commits", "_sidecars", "_staged_commits", "00000000000000000001.json"})
  void ignoresFolders(String name) {
    FileStatus folder = new FileStatus(0, true, 1, 0, 0, new Path("file:/t/_delta_log/" + name));

    assertThat(LogFile.of(folder)).isEqualTo(Optional.empty());
  }

  private static FileStatus file(String name, long size) {
    return new FileStatus(size, false, 1, 1024, 0, new Path("file:/t/_delta_log/" + name));
  }
}
