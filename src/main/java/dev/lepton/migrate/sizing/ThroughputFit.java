package dev.lepton.migrate.sizing;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.report.Units;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link ThroughputModel} to measured copies by ordinary least squares of a file's copy time on
 * its size. The sums are kept as running means and co-moments (Welford's method), so a manifest of
 * millions of rows is read in one pass and large byte counts do not cancel out.
 *
 * <p>Ordinary least squares, not a robust estimator: the caller leaves out retried files, whose times
 * include backoff waits. When the best line has a negative intercept, the overhead is constrained to
 * 0 and the line is fitted through the origin, which is the least-squares optimum under that
 * constraint.
 */
public final class ThroughputFit {
  private long count;
  private double meanBytes;
  private double meanMillis;
  private double bytesSquares;
  private double millisSquares;
  private double coMoment;
  private double sumBytesSquared;
  private double sumBytesTimesMillis;
  private long totalBytes;

  /** Adds one copied file of {@code bytes} that took {@code millis}. */
  public void add(long bytes, long millis) {
    if (bytes < 0 || millis <= 0) {
      throw new IllegalArgumentException("A sample needs bytes >= 0 and millis > 0, got " + bytes + " and " + millis);
    }
    count++;
    totalBytes += bytes;
    double deltaBytes = bytes - meanBytes;
    meanBytes += deltaBytes / count;
    double deltaMillis = millis - meanMillis;
    meanMillis += deltaMillis / count;
    bytesSquares += deltaBytes * (bytes - meanBytes);
    millisSquares += deltaMillis * (millis - meanMillis);
    coMoment += deltaBytes * (millis - meanMillis);
    sumBytesSquared += (double) bytes * bytes;
    sumBytesTimesMillis += (double) bytes * millis;
  }

  public long count() {
    return count;
  }

  public long totalBytes() {
    return totalBytes;
  }

  /**
   * Returns the fitted model.
   *
   * @param minSamples the fewest files a fit may use
   * @param sampleHint how to get a larger sample, appended to the message of a rejected fit
   * @throws InvalidInputException when there are fewer than {@code minSamples} files, when all have
   *     the same size, or when the fitted rate is not positive
   */
  public ThroughputModel fit(int minSamples, List<String> runIds, String sampleHint) {
    if (count < minSamples) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "Cannot fit a throughput model: the sample has %s with a measured copy time, and the fit needs at"
              + " least %d (migration.size.min-samples). %s", Units.count(count, "copied file", "copied files"),
          minSamples, sampleHint));
    }
    if (bytesSquares <= 0) {
      throw new InvalidInputException("Cannot fit a throughput model: all " + count + " sampled files have the"
          + " same size (" + Units.bytes((long) meanBytes) + "), so the time per file cannot be told apart from"
          + " the time per byte. " + sampleHint + " Include files of different sizes.");
    }
    double slope = coMoment / bytesSquares;
    double intercept = meanMillis - slope * meanBytes;
    boolean clamped = false;
    if (intercept < 0) {
      clamped = true;
      intercept = 0;
      slope = sumBytesTimesMillis / sumBytesSquared;
    }
    if (!(slope > 0) || !Double.isFinite(slope)) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "Cannot fit a throughput model: over %d files the copy time does not grow with the file size (%.3g ms"
              + " per MiB), so no positive transfer rate fits. The sample is dominated by something other than"
              + " the transfer, such as contention or caches. %s", count, slope * 1024 * 1024, sampleHint));
    }
    return new ThroughputModel(count, totalBytes, intercept, 1 / slope, rSquared(intercept, slope), clamped, runIds);
  }

  /** Returns 1 - (residual sum of squares / total sum of squares) for the line {@code intercept + slope * bytes}. */
  private double rSquared(double intercept, double slope) {
    if (millisSquares <= 0) {
      return 1;
    }
    // Residuals around the line, expanded into the running sums: e = (y - my) - slope (x - mx) - (intercept - a0),
    // where a0 = my - slope * mx is the intercept the line would have through the means.
    double shift = intercept - (meanMillis - slope * meanBytes);
    double residual = millisSquares - 2 * slope * coMoment + slope * slope * bytesSquares + count * shift * shift;
    return 1 - Math.max(0, residual) / millisSquares;
  }
}
