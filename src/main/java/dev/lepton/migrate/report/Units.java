package dev.lepton.migrate.report;

import java.util.Locale;

/** Formats byte counts, rates and durations for the console. */
public final class Units {
  private Units() {}

  /** Formats bytes with binary units: 0 B, 999 B, 1.5 KiB, 12.3 GiB. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Formats a rate in MB/s (10^6 bytes per second), the unit storage benchmarks use. */
  public static String rate(long bytes, long millis) {
    if (millis <= 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f MB/s", bytes / 1e6 / (millis / 1000.0));
  }

  /** Formats milliseconds as 850 ms, 12.4 s, 3m05s or 2h07m. */
  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Formats a count followed by its noun, singular for exactly one: "1 file", "0 files", "1,024 files". */
  public static String count(long value, String singular, String plural) {
    return count(value) + " " + (value == 1 ? singular : plural);
  }
}
