package dev.lepton.migrate.sizing;

import java.util.List;

/**
 * Time one copy stream needs for a file: {@code overheadMillis + bytes / bytesPerMilli}, fitted from
 * measured copies.
 *
 * @param samples files the fit used
 * @param sampleBytes bytes of those files
 * @param overheadMillis fixed time per file (open, commit, checksum round trips), at least 0
 * @param bytesPerMilli per-stream transfer rate in bytes per millisecond, above 0
 * @param rSquared share of the variance of the per-file times that the line explains (1 is a perfect
 *     fit)
 * @param overheadClamped whether the unconstrained fit gave a negative overhead, so the line was
 *     fitted through the origin instead
 * @param runIds the runs whose copies formed the sample
 */
public record ThroughputModel(
    long samples,
    long sampleBytes,
    double overheadMillis,
    double bytesPerMilli,
    double rSquared,
    boolean overheadClamped,
    List<String> runIds) {
  private static final double MIB = 1024.0 * 1024.0;

  public ThroughputModel {
    if (samples <= 0 || sampleBytes < 0) {
      throw new IllegalArgumentException("A model needs at least one sample, got " + samples);
    }
    if (!(overheadMillis >= 0) || !Double.isFinite(overheadMillis)) {
      throw new IllegalArgumentException("Overhead must be finite and at least 0 ms, got " + overheadMillis);
    }
    if (!(bytesPerMilli > 0) || !Double.isFinite(bytesPerMilli)) {
      throw new IllegalArgumentException("Rate must be finite and above 0, got " + bytesPerMilli);
    }
    runIds = List.copyOf(runIds);
  }

  /** Returns the per-stream rate in MiB/s. */
  public double streamMibPerSecond() {
    return bytesPerMilli * 1000 / MIB;
  }

  /** Returns the mean size of the sample's files in bytes. */
  public double meanFileBytes() {
    return (double) sampleBytes / samples;
  }

  /** Returns the stream time, in seconds, that copying {@code files} files of {@code bytes} in total takes. */
  public double streamSeconds(long files, long bytes) {
    return (files * overheadMillis + bytes / bytesPerMilli) / 1000;
  }
}
