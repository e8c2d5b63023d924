package dev.lepton.migrate.copy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Backoff between attempts of one file copy: the first retry waits the configured backoff, each
 * further one twice as long, with up to 25% random jitter either way so that tasks that failed
 * together do not retry together. Connector-level retries (HTTP 503, throttling) happen inside the
 * connector before an error reaches this level.
 */
public final class Retry {
  private final int maxAttempts;
  private final Duration backoff;

  public Retry(int maxAttempts, Duration backoff) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts below 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public boolean mayRetry(int attemptsMade) {
    return attemptsMade < maxAttempts;
  }

  /** Waits before attempt {@code attemptsMade + 1}. */
  public void pause(int attemptsMade) throws InterruptedException {
    long base = backoff.toMillis() << Math.min(attemptsMade - 1, 16);
    if (base <= 0) {
      return;
    }
    long jitter = (long) (base * 0.25 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
    Thread.sleep(Math.max(0, base + jitter));
  }
}
