package dev.lepton.migrate.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThroughputFitTest {
  private static final String HINT = "Copy a sample first.";
  /** 100 KiB per millisecond, so that a file of k * 100 KiB takes a whole number of milliseconds. */
  private static final double RATE = 102_400;

  @Test
  void recoversOverheadAndRateExactly() {
    ThroughputFit fit = new ThroughputFit();
    for (int k = 1; k <= 200; k++) {
      long size = (long) (k * k % 997 + 1) * (long) RATE;
      fit.add(size, 50 + size / (long) RATE);
    }

    ThroughputModel model = fit.fit(30, List.of("run-1"), HINT);

    assertThat(model.samples()).isEqualTo(200);
    assertThat(model.overheadMillis()).isCloseTo(50, within(1e-6));
    assertThat(model.bytesPerMilli()).isCloseTo(RATE, within(RATE * 1e-9));
    assertThat(model.streamMibPerSecond()).isCloseTo(RATE * 1000 / (1 << 20), within(1e-6));
    assertThat(model.rSquared()).isCloseTo(1, within(1e-9));
    assertThat(model.overheadClamped()).isFalse();
  }

  @Test
  void recoversOverheadAndRateUnderNoise() {
    Random random = new Random(7);
    ThroughputFit fit = new ThroughputFit();
    for (int k = 1; k <= 2000; k++) {
      long size = k * (long) RATE;
      long millis = Math.round(50 + k + random.nextGaussian() * 5);
      fit.add(size, millis);
    }

    ThroughputModel model = fit.fit(30, List.of("run-1"), HINT);

    // Standard errors here: about 0.2 ms for the overhead and 0.02% for the rate.
    assertThat(model.overheadMillis()).isCloseTo(50, within(1.0));
    assertThat(model.bytesPerMilli()).isCloseTo(RATE, within(RATE * 0.005));
    assertThat(model.rSquared()).isBetween(0.99, 1.0);
  }

  @Test
  void keepsPrecisionForTerabyteFiles() {
    ThroughputFit fit = new ThroughputFit();
    long base = 1L << 40;
    for (int k = 0; k < 100; k++) {
      long size = base + k * (long) RATE;
      fit.add(size, 20 + size / (long) RATE);
    }

    ThroughputModel model = fit.fit(30, List.of("run-1"), HINT);

    assertThat(model.bytesPerMilli()).isCloseTo(RATE, within(RATE * 1e-6));
    assertThat(model.overheadMillis()).isCloseTo(20, within(0.5));
  }

  @Test
  void rejectsTooFewSamples() {
    ThroughputFit fit = new ThroughputFit();
    for (int k = 1; k <= 29; k++) {
      fit.add(k * 1000L, 10 + k);
    }

    assertThatThrownBy(() -> fit.fit(30, List.of("run-1"), HINT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("29 copied files")
        .hasMessageContaining("at least 30 (migration.size.min-samples)")
        .hasMessageEndingWith(HINT)
        .satisfies(e -> assertThat(((InvalidInputException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
  }

  @Test
  void rejectsSamplesOfOneSize() {
    ThroughputFit fit = new ThroughputFit();
    for (int k = 1; k <= 40; k++) {
      fit.add(4096, 10 + k % 3);
    }

    assertThatThrownBy(() -> fit.fit(30, List.of("run-1"), HINT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("all 40 sampled files have the same size (4.0 KiB)");
  }

  @Test
  void rejectsTimeFallingWithSize() {
    ThroughputFit fit = new ThroughputFit();
    for (int k = 1; k <= 40; k++) {
      fit.add(k * 1_000_000L, 1000 - k);
    }

    assertThatThrownBy(() -> fit.fit(30, List.of("run-1"), HINT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not grow with the file size")
        .hasMessageContaining("over 40 files");
  }

  @Test
  void constrainsNegativeOverheadToZero() {
    ThroughputFit fit = new ThroughputFit();
    for (int k = 20; k <= 60; k++) {
      fit.add(k * (long) RATE, 2L * k - 30);
    }

    ThroughputModel model = fit.fit(30, List.of("run-1"), HINT);

    // Through the origin: slope = sum(x y) / sum(x^2), a bit below the unconstrained 2 ms per 100 KiB.
    double sumXy = 0;
    double sumXx = 0;
    for (int k = 20; k <= 60; k++) {
      sumXy += k * RATE * (2.0 * k - 30);
      sumXx += k * RATE * k * RATE;
    }
    assertThat(model.overheadClamped()).isTrue();
    assertThat(model.overheadMillis()).isZero();
    assertThat(model.bytesPerMilli()).isCloseTo(sumXx / sumXy, within(1e-6));
    assertThat(model.rSquared()).isLessThan(1);
  }
}
