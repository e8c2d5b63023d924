package dev.lepton.migrate.spark;

import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.report.Units;

/** Renders a plan's totals for the console. */
final class PlanPrinter {
  private PlanPrinter() {}

  static String describe(PlanTotals totals) {
    StringBuilder out = new StringBuilder("Plan: ")
        .append(Units.count(totals.totalFiles(), "source file", "source files")).append(" (")
        .append(Units.bytes(totals.totalBytes())).append(")\n");
    line(out, "to copy", totals, FileAction.COPY);
    line(out, "unchanged", totals, FileAction.SKIP);
    line(out, "to adopt if equal", totals, FileAction.ADOPT);
    if (totals.files(FileAction.RECHECK) > 0) {
      line(out, "to recheck", totals, FileAction.RECHECK);
    }
    line(out, "in conflict", totals, FileAction.CONFLICT);
    long extra = totals.extraTargetFiles();
    out.append("  ").append(Units.count(extra, "target file", "target files"))
        .append(extra == 1 ? " without a source file is left alone" : " without a source file are left alone");
    return out.toString();
  }

  private static void line(StringBuilder out, String label, PlanTotals totals, FileAction action) {
    long files = totals.files(action);
    out.append(String.format(java.util.Locale.ROOT, "  %-18s %12s %-5s %14s%n",
        label, Units.count(files), files == 1 ? "file" : "files", Units.bytes(totals.bytes(action))));
  }
}
