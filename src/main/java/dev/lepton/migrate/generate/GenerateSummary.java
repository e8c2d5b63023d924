package dev.lepton.migrate.generate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Counts and wall time of one {@code generate} run.
 *
 * @param tables the TPC-H tables written, in the order they were written
 * @param rawFileCount number of raw files written, 0 when raw files were not requested
 * @param rawBytes total size in bytes of the raw files written
 * @param elapsed wall time of the whole run
 */
public record GenerateSummary(
    List<TableSummary> tables, long rawFileCount, long rawBytes, Duration elapsed) {

  public GenerateSummary {
    tables = List.copyOf(tables);
    if (rawFileCount < 0 || rawBytes < 0) {
      throw new IllegalArgumentException(
          "Raw file count and bytes must not be negative: " + rawFileCount + ", " + rawBytes);
    }
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
