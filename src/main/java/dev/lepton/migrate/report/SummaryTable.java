package dev.lepton.migrate.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a run summary as the table printed at the end of a run. */
public final class SummaryTable {
  private static final List<String> STATUSES =
      List.of(ManifestRow.COPIED, ManifestRow.SKIPPED, ManifestRow.ADOPTED, ManifestRow.FAILED, ManifestRow.CONFLICT);

  private SummaryTable() {}

  public static String render(RunSummary summary) {
    return render(summary, List.of());
  }

  /**
   * Renders the summary with the outcome line followed by its reasons, for failures that the file
   * counts do not show, such as "1 table failed".
   */
  public static String render(RunSummary summary, List<String> outcomeReasons) {
    StringBuilder out = new StringBuilder();
    out.append("Run ").append(summary.runId()).append(" (").append(summary.command()).append("): ")
        .append(summary.source()).append(" -> ").append(summary.target()).append('\n');
    out.append(String.format(Locale.ROOT, "  %-10s %12s %14s %14s%n", "status", "files", "bytes", "written"));
    RunSummary.StatusTotals total = RunSummary.StatusTotals.ZERO;
    for (String status : STATUSES) {
      RunSummary.StatusTotals t = summary.totals(status);
      total = total.plus(t);
      out.append(row(status, t));
    }
    // Sync also records files deleted on the target and files the source's log names but lacks.
    for (String status : List.of(ManifestRow.DELETED, ManifestRow.MISSING)) {
      RunSummary.StatusTotals t = summary.totals(status);
      if (t.files() > 0) {
        total = total.plus(t);
        out.append(row(status, t));
      }
    }
    out.append(row("total", total));

    if (summary.bytesCopied() > 0) {
      out.append("  Throughput: ").append(Units.rate(summary.bytesCopied(), summary.copyMillis()))
          .append(" (bytes written over the copy phases)\n");
    } else {
      out.append("  Throughput: no bytes written\n");
    }
    out.append("  Wall time: ").append(Units.duration(summary.wallMillis()));
    for (Map.Entry<String, Long> phase : summary.phaseMillis().entrySet()) {
      out.append(", ").append(phase.getKey()).append(' ').append(Units.duration(phase.getValue()));
    }
    out.append('\n');
    for (String note : summary.notes()) {
      out.append("  Note: ").append(note).append('\n');
    }
    if (summary.failureCount() > 0) {
      out.append("  Failed files (").append(Units.count(summary.failureCount())).append("):\n");
      for (RunSummary.FailedFile failed : summary.failures()) {
        out.append("    ").append(failed.path()).append(" [").append(failed.status()).append("]: ")
            .append(failed.reason()).append('\n');
      }
      if (summary.failureCount() > summary.failures().size()) {
        out.append("    ... and ").append(summary.failureCount() - summary.failures().size())
            .append(" more: query the manifest for status 'failed' or 'conflict'.\n");
      }
    }
    out.append("  Outcome: ").append(summary.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(" (exit ").append(summary.outcome().code()).append(')');
    if (!outcomeReasons.isEmpty()) {
      out.append(": ").append(String.join(", ", outcomeReasons));
    }
    out.append('\n');
    return out.toString();
  }

  private static String row(String label, RunSummary.StatusTotals t) {
    return String.format(Locale.ROOT, "  %-10s %12s %14s %14s%n",
        label, Units.count(t.files()), Units.bytes(t.bytes()), Units.bytes(t.bytesCopied()));
  }
}
