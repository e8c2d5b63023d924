package dev.lepton.migrate.sizing;

import java.time.Duration;

/**
 * The data a migration copies and the time it may take.
 *
 * @param volumeBytes bytes to copy
 * @param files files to copy
 * @param window the time the copy may take, from start to end
 */
public record Workload(long volumeBytes, long files, Duration window) {
  public Workload {
    if (volumeBytes <= 0 || files <= 0) {
      throw new IllegalArgumentException("A workload needs bytes and files above 0");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A workload needs a window above 0");
    }
  }

  public double windowSeconds() {
    return window.toMillis() / 1000.0;
  }

  public double meanFileBytes() {
    return (double) volumeBytes / files;
  }
}
