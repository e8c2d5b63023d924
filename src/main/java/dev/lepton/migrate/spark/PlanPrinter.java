package dev.lepton.migrate.spark;

import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.report.Units;

/** Renders a plan's totals for the console. */
final class PlanPrinter {
  private PlanPrinter() {}

  static String describe(PlanTotals totals) {
    StringBuilder out = new StringBuilder("Plan: ")
        .append(Units.count(totals.totalFiles())).append(" source files (")
        .append(Units.bytes(totals.totalBytes())).append(")\n");
    line(out, "to copy", totals, FileAction.COPY);
    line(out, "unchanged", totals, FileAction.SKIP);
    line(out, "to adopt if equal", totals, FileAction.ADOPT);
    if (totals.files(FileAction.RECHECK) > 0) {
      line(out, "to recheck", totals, FileAction.RECHECK);
    }
    line(out, "in conflict", totals, FileAction.CONFLICT);
    out.append("  ").append(Units.count(totals.extraTargetFiles()))
        .append(" target files without a source file are left alone");
    return out.toString();
  }

  private static void line(StringBuilder out, String label, PlanTotals totals, FileAction action) {
    out.append(String.format(java.util.Locale.ROOT, "  %-18s %12s files %14s%n",
        label, Units.count(totals.files(action)), Units.bytes(totals.bytes(action))));
  }
}
