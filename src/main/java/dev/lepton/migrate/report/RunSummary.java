package dev.lepton.migrate.report;

import dev.lepton.migrate.ExitCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summary of one run, small enough for the driver: totals per manifest status, phase timings, the
 * first failed files with their reasons, and the outcome.
 *
 * @param failureCount number of failed or conflicting files, of which {@code failures} lists the first
 */
public record RunSummary(
    String runId,
    String command,
    String source,
    String target,
    Instant started,
    Instant ended,
    Map<String, Long> phaseMillis,
    Map<String, StatusTotals> byStatus,
    List<FailedFile> failures,
    long failureCount,
    ExitCode outcome,
    String configDigest,
    List<String> notes) {
  public RunSummary {
    phaseMillis = new LinkedHashMap<>(phaseMillis);
    byStatus = new LinkedHashMap<>(byStatus);
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** Files, source bytes and bytes actually written for one status. */
  public record StatusTotals(long files, long bytes, long bytesCopied) {
    public static final StatusTotals ZERO = new StatusTotals(0, 0, 0);

    public StatusTotals plus(StatusTotals other) {
      return new StatusTotals(files + other.files, bytes + other.bytes, bytesCopied + other.bytesCopied);
    }
  }

  public record FailedFile(String path, String status, String reason) {}

  public StatusTotals totals(String status) {
    return byStatus.getOrDefault(status, StatusTotals.ZERO);
  }

  public long bytesCopied() {
    return byStatus.values().stream().mapToLong(StatusTotals::bytesCopied).sum();
  }

  public long totalFiles() {
    return byStatus.values().stream().mapToLong(StatusTotals::files).sum();
  }

  public long wallMillis() {
    return ended.toEpochMilli() - started.toEpochMilli();
  }

  /** Milliseconds of the phases that move bytes, the base of the reported throughput. */
  public long copyMillis() {
    return phaseMillis.entrySet().stream()
        .filter(e -> e.getKey().startsWith("copy"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
