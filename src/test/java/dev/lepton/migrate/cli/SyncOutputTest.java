package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.CapturedLogs;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sync with a failed table prints: the error once, and the failed table in the outcome line. */
class SyncOutputTest {
  private static final String BROKEN_LOG_ERROR = "Cannot read Delta log of file:";

  @TempDir Path dir;

  @Test
  void failedTableErrorPrintedOnce() throws IOException {
    Path source = dir.resolve("source");
    SharedSpark.session().range(0, 10).write().format("delta").save(source.resolve("good").toString());
    SharedSpark.session().range(0, 10).write().format("delta").save(source.resolve("broken").toString());
    Path brokenCommit = source.resolve("broken/_delta_log/00000000000000000000.json");
    Files.writeString(brokenCommit, "{not json\n");
    Files.deleteIfExists(source.resolve("broken/_delta_log/00000000000000000000.crc"));

    Cli.Result sync;
    List<String> warnings;
    try (CapturedLogs logs = new CapturedLogs(Level.WARN)) {
      sync = Cli.run("sync", "--source", source.toString(), "--target", dir.resolve("target").toString());
      warnings = logs.lines();
    }

    assertThat(sync.code()).as(sync.out() + sync.err()).isEqualTo(ExitCode.FAILED);
    assertThat(sync.out().split(BROKEN_LOG_ERROR, -1)).as(sync.out()).hasSize(2);
    assertThat(sync.err()).doesNotContain(BROKEN_LOG_ERROR);
    assertThat(warnings).noneMatch(line -> line.contains(BROKEN_LOG_ERROR));
    assertThat(sync.out()).containsPattern("broken +failed");
    assertThat(sync.out()).contains("Outcome: failed (exit 1): 1 table failed\n");
  }
}
