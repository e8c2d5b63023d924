package dev.lepton.migrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.deltalog.ReplayPlan;
import dev.lepton.migrate.deltalog.TableSyncResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console summary of a sync: per table, the folders, the file totals and the outcome. */
class SyncSummaryTableTest {
  private static final String FAILURE = "Cannot read Delta log of file:/lake/tpch/nation: line 1 is invalid.";

  private static TableSyncResult table(String name, TableSyncResult.Outcome outcome, String message, ExitCode code) {
    return new TableSyncResult(name, outcome, -1, outcome == TableSyncResult.Outcome.SYNCED ? 0 : -1, 0, 0,
        outcome == TableSyncResult.Outcome.SYNCED ? ReplayPlan.Start.FULL_HISTORY : null, 3, 4096, 0, 0, 0, 120,
        message, List.of(), code);
  }

  private static RunSummary run(ExitCode outcome) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new RunSummary("run-1", "sync", "file:/lake", "file:/copy", now, now.plusSeconds(5), Map.of("copy", 4000L),
        Map.of(ManifestRow.COPIED, new RunSummary.StatusTotals(6, 8192, 8192)), List.of(), 0, outcome, "digest",
        List.of());
  }

  private static FolderSyncResult folders(long filesToCopy) {
    return new FolderSyncResult(FolderSyncResult.Outcome.DONE, filesToCopy, 10, 0, 0, 0, 50, null, ExitCode.SUCCESS);
  }

  @Test
  void failedTableShowsInOutcomeLine() {
    SyncSummary summary = new SyncSummary(run(ExitCode.FAILED), List.of(
        table("tpch/nation", TableSyncResult.Outcome.FAILED, FAILURE, ExitCode.FAILED),
        table("tpch/orders", TableSyncResult.Outcome.SYNCED, null, ExitCode.SUCCESS)),
        FolderSyncResult.nothingToSync(), new StartupTimes(1000, 3000));

    String printed = SyncSummaryTable.render(summary);

    assertThat(printed).containsPattern("failed +0 +0 B");
    assertThat(printed).contains("Outcome: failed (exit 1): 1 table failed\n");
  }

  @Test
  void tableErrorIsPrintedOnce() {
    SyncSummary summary = new SyncSummary(run(ExitCode.FAILED), List.of(
        table("tpch/nation", TableSyncResult.Outcome.FAILED, FAILURE, ExitCode.FAILED)),
        FolderSyncResult.nothingToSync(), new StartupTimes(1000, 3000));

    String printed = SyncSummaryTable.render(summary);

    assertThat(printed.split(java.util.regex.Pattern.quote(FAILURE), -1)).hasSize(2);
  }

  @Test
  void everyStoppedOutcomeIsCounted() {
    SyncSummary summary = new SyncSummary(run(ExitCode.TARGET_CONFLICT), List.of(
        table("a", TableSyncResult.Outcome.FAILED, "Cannot sync a.", ExitCode.FAILED),
        table("b", TableSyncResult.Outcome.FAILED, "Cannot sync b.", ExitCode.FAILED),
        table("c", TableSyncResult.Outcome.LOCKED, "Cannot sync c: locked.", ExitCode.TARGET_CONFLICT),
        table("d", TableSyncResult.Outcome.DIVERGED, "Cannot sync d: diverged.", ExitCode.TARGET_CONFLICT),
        table("e", TableSyncResult.Outcome.INCOMPLETE, "Cannot sync e beyond version 3.", ExitCode.FAILED),
        table("f", TableSyncResult.Outcome.UP_TO_DATE, null, ExitCode.SUCCESS)),
        new FolderSyncResult(FolderSyncResult.Outcome.LOCKED, 0, 0, 0, 0, 0, 10, "Cannot sync the folders: locked.",
            ExitCode.TARGET_CONFLICT),
        new StartupTimes(1000, 3000));

    String printed = SyncSummaryTable.render(summary);

    assertThat(printed).contains("Outcome: target conflict (exit 3): 2 tables failed, 1 table incomplete,"
        + " 1 table locked, 1 table diverged, folders outside Delta tables: locked\n");
  }

  @Test
  void successfulSyncHasNoOutcomeReasons() {
    SyncSummary summary = new SyncSummary(run(ExitCode.SUCCESS), List.of(
        table("tpch/orders", TableSyncResult.Outcome.SYNCED, null, ExitCode.SUCCESS)),
        folders(3), new StartupTimes(1000, 3000));

    assertThat(SyncSummaryTable.render(summary)).contains("Outcome: success (exit 0)\n");
  }

  @Test
  void folderLineCountsOneFileInSingular() {
    SyncSummary summary = new SyncSummary(run(ExitCode.SUCCESS), List.of(), folders(1), new StartupTimes(1000, 3000));

    assertThat(SyncSummaryTable.render(summary)).contains("Folders outside Delta tables: done, 1 file to copy or check");
  }
}
