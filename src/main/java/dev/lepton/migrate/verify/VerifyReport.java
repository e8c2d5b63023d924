package dev.lepton.migrate.verify;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.report.Units;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings of one verify run: file checks by status, the first problem files, and the count rows.
 *
 * @param notes facts about the run the counts do not show, one sentence each
 * @param failOnUnverified whether an unverified check makes the outcome a failure
 */
public record VerifyReport(
    String runId,
    String source,
    String target,
    Instant started,
    Instant ended,
    Map<CheckStatus, Long> fileCounts,
    List<FileCheck> problemFiles,
    List<ReconciliationRow> rows,
    List<String> notes,
    boolean failOnUnverified) {
  public VerifyReport {
    fileCounts = new EnumMap<>(fileCounts.isEmpty() ? Map.of(CheckStatus.MATCH, 0L) : fileCounts);
    problemFiles = List.copyOf(problemFiles);
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  public long files(CheckStatus status) {
    return fileCounts.getOrDefault(status, 0L);
  }

  public CheckStatus overall() {
    CheckStatus overall = CheckStatus.MATCH;
    for (ReconciliationRow row : rows) {
      overall = overall.and(row.status());
    }
    return overall;
  }

  public ExitCode outcome() {
    return switch (overall()) {
      case MATCH -> ExitCode.SUCCESS;
      case MISMATCH -> ExitCode.FAILED;
      case UNVERIFIED -> failOnUnverified ? ExitCode.FAILED : ExitCode.SUCCESS;
    };
  }

  /** Renders the report for the console. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Verify ").append(runId).append(": ").append(source).append(" -> ").append(target).append('\n');
    out.append("  Files: ").append(Units.count(fileCounts.values().stream().mapToLong(Long::longValue).sum()))
        .append(" checked, ").append(Units.count(files(CheckStatus.MATCH))).append(" match, ")
        .append(Units.count(files(CheckStatus.MISMATCH))).append(" mismatch, ")
        .append(Units.count(files(CheckStatus.UNVERIFIED))).append(" unverified\n");
    for (FileCheck check : problemFiles) {
      out.append("    ").append(check.status().label()).append(' ').append(check.path()).append(": ")
          .append(check.reason()).append('\n');
    }
    List<ReconciliationRow> tables = rows.stream().filter(r -> r.level().equals("table")).toList();
    if (!tables.isEmpty()) {
      out.append(String.format(Locale.ROOT, "  %-40s %15s %15s  %s%n", "Delta table (latest version)",
          "source rows", "target rows", "status"));
      for (ReconciliationRow row : tables) {
        out.append(String.format(Locale.ROOT, "  %-40s %15s %15s  %s%s%n", row.table(), show(row.sourceValue()),
            show(row.targetValue()), row.status().label(), row.detail().isEmpty() ? "" : " (" + row.detail() + ")"));
      }
      List<ReconciliationRow> partitions = rows.stream().filter(r -> r.level().equals("partition")).toList();
      long partitionProblems = partitions.stream().filter(r -> r.status() != CheckStatus.MATCH).count();
      out.append("  Partitions: ").append(Units.count(partitions.size())).append(" compared, ")
          .append(Units.count(partitionProblems)).append(" not matching\n");
      partitions.stream().filter(r -> r.status() != CheckStatus.MATCH).limit(20).forEach(r ->
          out.append("    ").append(r.status().label()).append(' ').append(r.table()).append(" [")
              .append(r.partition()).append("]: source ").append(show(r.sourceValue())).append(", target ")
              .append(show(r.targetValue())).append('\n'));
    }
    for (String note : notes) {
      out.append("  Note: ").append(note).append('\n');
    }
    out.append("  Outcome: ").append(overall().label()).append(" (exit ").append(outcome().code()).append(")\n");
    return out.toString();
  }

  private static String show(Long value) {
    return value == null ? "unknown" : Units.count(value);
  }
}
