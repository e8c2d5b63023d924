package dev.lepton.migrate.deltalog;

import static dev.lepton.migrate.deltalog.DeltaTables.hadoopPath;
import static dev.lepton.migrate.deltalog.DeltaTables.localFs;
import static dev.lepton.migrate.deltalog.DeltaTables.logFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version checksum and log compaction files in a hand-written log of versions 0 to 7. */
class AuxiliaryLogFilesTest {
  @TempDir java.nio.file.Path table;

  @BeforeEach
  void writeLog() throws IOException {
    for (long v = 0; v <= 7; v++) {
      DeltaTables.writeCommit(table, v, "part-" + v + ".parquet");
      Files.writeString(logFile(table, String.format("%020d.crc", v)), "{}\n");
    }
    for (String range : new String[] {"2.4", "5.7", "3.6"}) {
      String[] bounds = range.split("\\.");
      Files.writeString(
          logFile(table, String.format("%020d.%020d.compacted.json",
              Long.parseLong(bounds[0]), Long.parseLong(bounds[1]))),
          "{\"add\":{\"path\":\"part-x.parquet\",\"partitionValues\":{},\"size\":1,"
              + "\"modificationTime\":1,\"dataChange\":true}}\n");
    }
  }

  @Test
  void rangeCarriesChecksumsAndCompactionsInside() {
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(table));

    ReferencedFiles files = log.filesReferenced(log.segment(1, 4));

    assertThat(files.pathsOfKind(ReferencedFile.Kind.VERSION_CHECKSUM))
        .containsExactly("_delta_log/00000000000000000002.crc",
            "_delta_log/00000000000000000003.crc", "_delta_log/00000000000000000004.crc");
    assertThat(files.ofKind(ReferencedFile.Kind.LOG_COMPACTION))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.location().path())
              .isEqualTo("_delta_log/00000000000000000002.00000000000000000004.compacted.json");
          assertThat(f.version()).isEqualTo(4);
        });
    assertThat(files.pathsOfKind(ReferencedFile.Kind.DATA))
        .containsExactly("part-2.parquet", "part-3.parquet", "part-4.parquet");
  }

  @Test
  void replayIgnoresCompactions() {
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(table));

    assertThat(log.snapshotAt(7).files()).extracting(AddFile::path)
        .doesNotContain("part-x.parquet")
        .hasSize(8);
    assertThat(log.filesReferenced(log.segment(4, 7)).pathsOfKind(ReferencedFile.Kind.LOG_COMPACTION))
        .containsExactly("_delta_log/00000000000000000005.00000000000000000007.compacted.json");
  }

  @Test
  void filesAreOrderedByVersionDataFirst() {
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(table));

    ReferencedFiles files = log.filesReferenced(log.segment(5, 6));

    assertThat(files.files()).extracting(f -> f.location().path())
        .containsExactly(
            "part-6.parquet",
            "_delta_log/00000000000000000006.json",
            "_delta_log/00000000000000000006.crc");
  }
}
