package dev.lepton.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overall status of a verify run and its exit code, from the statuses of its rows. */
class VerifyReportTest {
  private static final String FAIL_ON_UNVERIFIED = "true";
  private static final String PASS_ON_UNVERIFIED = "false";

  @ParameterizedTest(name = "{0} and {1} give {2}")
  @CsvSource({
      "MATCH, MATCH, MATCH",
      "MATCH, UNVERIFIED, UNVERIFIED",
      "UNVERIFIED, MATCH, UNVERIFIED",
      "MATCH, MISMATCH, MISMATCH",
      "MISMATCH, MATCH, MISMATCH",
      "MISMATCH, UNVERIFIED, MISMATCH",
      "UNVERIFIED, MISMATCH, MISMATCH",
      "UNVERIFIED, UNVERIFIED, UNVERIFIED",
      "MISMATCH, MISMATCH, MISMATCH"})
  void statusesCombineByPrecedence(CheckStatus first, CheckStatus second, CheckStatus combined) {
    assertThat(first.and(second)).isEqualTo(combined);
  }

  @ParameterizedTest(name = "fail-on-unverified = {0}")
  @CsvSource({FAIL_ON_UNVERIFIED, PASS_ON_UNVERIFIED})
  void mismatchBesideUnverifiedTableExitsOne(boolean failOnUnverified) {
    VerifyReport report = report(failOnUnverified,
        filesRow(CheckStatus.MISMATCH, 137, 0),
        tableRow("tpch/orders", CheckStatus.UNVERIFIED, 15_000L, null, "target: not a Delta table"));

    assertThat(report.overall()).isEqualTo(CheckStatus.MISMATCH);
    assertThat(report.outcome()).isEqualTo(ExitCode.FAILED);
    assertThat(report.render()).contains("Outcome: mismatch (exit 1)");
  }

  @ParameterizedTest(name = "fail-on-unverified = {0} exits {1}")
  @CsvSource({FAIL_ON_UNVERIFIED + ", FAILED", PASS_ON_UNVERIFIED + ", SUCCESS"})
  void unverifiedAloneFollowsTheSetting(boolean failOnUnverified, ExitCode expected) {
    VerifyReport report = report(failOnUnverified,
        filesRow(CheckStatus.MATCH, 10, 10),
        tableRow("events", CheckStatus.UNVERIFIED, 100L, null, "target: cannot count rows: timed out"));

    assertThat(report.overall()).isEqualTo(CheckStatus.UNVERIFIED);
    assertThat(report.outcome()).isEqualTo(expected);
    assertThat(report.render()).contains("Outcome: unverified (exit " + expected.code() + ")");
  }

  @ParameterizedTest(name = "fail-on-unverified = {0}")
  @CsvSource({FAIL_ON_UNVERIFIED, PASS_ON_UNVERIFIED})
  void allMatchingExitsZero(boolean failOnUnverified) {
    VerifyReport report = report(failOnUnverified,
        filesRow(CheckStatus.MATCH, 10, 10),
        tableRow("events", CheckStatus.MATCH, 100L, 100L, ""));

    assertThat(report.outcome()).isEqualTo(ExitCode.SUCCESS);
    assertThat(report.render()).contains("Outcome: match (exit 0)");
  }

  private static VerifyReport report(boolean failOnUnverified, ReconciliationRow... rows) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new VerifyReport("run-1", "file:/source", "file:/target", now, now, Map.of(), List.of(),
        List.of(rows), List.of(), failOnUnverified);
  }

  private static ReconciliationRow filesRow(CheckStatus status, long total, long matching) {
    return new ReconciliationRow("files", "", null, total, status == CheckStatus.MATCH ? total : matching,
        null, null, status, "");
  }

  private static ReconciliationRow tableRow(String table, CheckStatus status, Long source, Long target, String detail) {
    return new ReconciliationRow("table", table, null, source, target, 0L, target == null ? null : 0L, status, detail);
  }
}
