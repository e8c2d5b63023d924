package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionDurationTest {
  @ParameterizedTest
  @CsvSource({
      "interval 1 week, PT168H",
      "interval 7 days, PT168H",
      "'INTERVAL 168 HOURS', PT168H",
      "interval 1 day 12 hours, PT36H",
      "interval 0 seconds, PT0S",
      "30 minutes, PT30M",
      "interval 1500 milliseconds, PT1.5S"})
  void parsesDeltaIntervals(String value, String expected) {
    assertThat(RetentionDuration.parse(value)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "interval", "seven days", "interval 1 month", "1 day later"})
  void rejectsOtherText(String value) {
    assertThatThrownBy(() -> RetentionDuration.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + value + "'");
  }
}
