package dev.lepton.migrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.store.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskResultFileTest {
  @TempDir Path dir;

  @Test
  void readAllReturnsEveryWrittenColumn() throws IOException {
    Location stateDir = Location.parse(dir.toString(), "migration.state-dir");
    FileSystem fs = FileSystem.getLocal(new Configuration());
    List<ManifestRow> rows = List.of(
        new ManifestRow("run-1", "a b/c.csv", 10, 1_000, "etag", "crc32c", "AAAA", "AAAA", "none", "copied",
            "checksum", 10, 5, 1, null, 2_000, "target s3 etag md5 match"),
        new ManifestRow("run-1", "d.csv", 0, 1_000, null, null, null, null, "none", "failed", "none", 0, 0, 3,
            "read timed out", 2_001, null));

    TaskResultFile.write(fs, stateDir, "run-1", "files-0-0", rows);

    List<ManifestRow> read = TaskResultFile.readAll(fs,
        TaskResultFile.pendingRoot(stateDir).child("run-1").path());
    assertThat(read).containsExactlyInAnyOrderElementsOf(rows);
  }
}
