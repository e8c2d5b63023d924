package dev.lepton.migrate.verify;

import java.util.Objects;

/**
 * One row of the reconciliation table: a count compared between source and target at one level.
 *
 * @param level {@code files}, {@code table} or {@code partition}
 * @param table table path relative to the roots; empty for the file level
 * @param partition partition as {@code col=value/col=value}, or null above the partition level
 * @param sourceValue count on the source, or null when it could not be obtained
 * @param targetValue count on the target, or null when it could not be obtained
 * @param sourceVersion Delta version counted on the source, or null
 * @param targetVersion Delta version counted on the target, or null
 */
public record ReconciliationRow(
    String level,
    String table,
    String partition,
    Long sourceValue,
    Long targetValue,
    Long sourceVersion,
    Long targetVersion,
    CheckStatus status,
    String detail) {
  public ReconciliationRow {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(status, "status");
    if (status == CheckStatus.MATCH && (sourceValue == null || !sourceValue.equals(targetValue))) {
      throw new IllegalArgumentException("a match needs two equal counts: " + sourceValue + " and " + targetValue);
    }
  }

  /** Compares two counts, either of which may be missing; a missing count is never a match. */
  public static CheckStatus compare(Long source, Long target) {
    if (source == null || target == null) {
      return CheckStatus.UNVERIFIED;
    }
    return source.equals(target) ? CheckStatus.MATCH : CheckStatus.MISMATCH;
  }
}
