package dev.lepton.migrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  @ParameterizedTest(name = "{0} gives \"{1}\"")
  @CsvSource({"0, 0 files", "1, 1 file", "2, 2 files", "1234, '1,234 files'"})
  void countTakesSingularOnlyForOne(long count, String expected) {
    assertThat(Units.count(count, "file", "files")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource({"0, 1, 'Copy: 0/1 file, '", "1, 1, 'Copy: 1/1 file, '", "1, 2, 'Copy: 1/2 files, '"})
  void progressLineNamesFilesByTotal(long done, long total, String expectedStart) {
    try (ConsoleProgress progress = new ConsoleProgress("Copy", total, 100, () -> done, () -> 0,
        System.err, Duration.ofHours(1))) {
      assertThat(progress.line()).startsWith(expectedStart);
    }
  }
}
