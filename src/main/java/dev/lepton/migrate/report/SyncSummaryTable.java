package dev.lepton.migrate.report;

import dev.lepton.migrate.deltalog.TableSyncResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a sync run for the console: start-up, one line per table, the folders, then the run's totals. */
public final class SyncSummaryTable {
  private SyncSummaryTable() {}

  public static String render(SyncSummary summary) {
    StringBuilder out = new StringBuilder();
    StartupTimes startup = summary.startup();
    if (startup.jvmMillis() >= 0) {
      out.append("Start-up (not part of the sync time below): JVM ").append(Units.duration(startup.jvmMillis()))
          .append(", Spark session ").append(Units.duration(startup.sparkSessionMillis())).append('\n');
    }
    if (!summary.tables().isEmpty()) {
      out.append(String.format(Locale.ROOT, "  %-30s %-11s %-14s %8s %12s %9s%n",
          "table", "outcome", "versions", "files", "bytes", "time"));
      for (TableSyncResult table : summary.tables()) {
        out.append(String.format(Locale.ROOT, "  %-30s %-11s %-14s %8s %12s %9s%n",
            table.table().isEmpty() ? "." : table.table(),
            table.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
            table.versionsSynced(), Units.count(table.filesCopied()), Units.bytes(table.bytesCopied()),
            Units.duration(table.durationMs())));
      }
    }
    FolderSyncResult folders = summary.folders();
    if (folders.outcome() != FolderSyncResult.Outcome.NOTHING_TO_SYNC) {
      out.append("  Folders outside Delta tables: ").append(folders.outcome().name().toLowerCase(Locale.ROOT)
          .replace('_', ' ')).append(", ").append(Units.count(folders.filesToCopy(), "file", "files")).append(" to copy or check (")
          .append(Units.bytes(folders.bytesToCopy())).append("), ").append(Units.count(folders.filesUnchanged()))
          .append(" unchanged, ").append(Units.count(folders.extraTargetFiles())).append(" only on the target, ")
          .append(Units.count(folders.filesDeleted())).append(" deleted\n");
    }
    for (TableSyncResult table : summary.tables()) {
      if (table.message() != null) {
        out.append("  ").append(table.message()).append('\n');
      }
    }
    if (folders.message() != null) {
      out.append("  ").append(folders.message()).append('\n');
    }
    out.append(SummaryTable.render(summary.run(), problems(summary)));
    return out.toString();
  }

  /**
   * Counts the tables that did not reach the source version, by outcome, and names a folder sync
   * that did not finish. A table can fail before it writes any file, so the file counts miss it.
   */
  static List<String> problems(SyncSummary summary) {
    Map<TableSyncResult.Outcome, Long> counts = new EnumMap<>(TableSyncResult.Outcome.class);
    for (TableSyncResult table : summary.tables()) {
      counts.merge(table.outcome(), 1L, Long::sum);
    }
    List<String> problems = new ArrayList<>();
    for (TableSyncResult.Outcome outcome : List.of(TableSyncResult.Outcome.FAILED,
        TableSyncResult.Outcome.INCOMPLETE, TableSyncResult.Outcome.LOCKED, TableSyncResult.Outcome.DIVERGED)) {
      long count = counts.getOrDefault(outcome, 0L);
      if (count > 0) {
        problems.add(Units.count(count, "table", "tables") + " " + label(outcome.name()));
      }
    }
    FolderSyncResult.Outcome folders = summary.folders().outcome();
    if (folders != FolderSyncResult.Outcome.DONE && folders != FolderSyncResult.Outcome.NOTHING_TO_SYNC) {
      problems.add("folders outside Delta tables: " + label(folders.name()));
    }
    return problems;
  }

  private static String label(String outcome) {
    return outcome.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
