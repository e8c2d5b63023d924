package dev.lepton.migrate.report;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.deltalog.TableSyncResult;
import java.util.List;

/**
 * The result of a sync run: the run's file totals, what each table and the non-Delta folders did,
 * and the start-up time spent before the run.
 */
public record SyncSummary(
    RunSummary run, List<TableSyncResult> tables, FolderSyncResult folders, StartupTimes startup) {
  public SyncSummary {
    tables = List.copyOf(tables);
  }

  public ExitCode outcome() {
    return run.outcome();
  }
}
