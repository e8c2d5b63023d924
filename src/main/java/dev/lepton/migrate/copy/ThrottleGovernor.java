package dev.lepton.migrate.copy;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Limits how many files an executor copies at once while a store keeps throttling it. The
 * connectors already retry 503 SlowDown and 429 responses with backoff. When throttled responses
 * keep coming, the governor halves the number of concurrent copies (down to one). After a run of
 * files without throttling it raises the limit by one again (additive increase, multiplicative
 * decrease).
 *
 * <p>Thread-safe: all copy tasks of one executor share one governor.
 */
public final class ThrottleGovernor {
  private final int maxConcurrent;
  private final LongSupplier throttleCounter;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition slotFreed = lock.newCondition();
  private int limit;
  private int active;
  private long lastCount;
  private int calmFiles;
  private long throttledTotal;
  private int lowestLimit;

  /**
   * @param throttleCounter a monotonic count of throttled responses seen by this JVM's connectors
   */
  public ThrottleGovernor(int maxConcurrent, LongSupplier throttleCounter) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("max concurrent copies below 1: " + maxConcurrent);
    }
    this.maxConcurrent = maxConcurrent;
    this.throttleCounter = throttleCounter;
    this.limit = maxConcurrent;
    this.lowestLimit = maxConcurrent;
    this.lastCount = throttleCounter.getAsLong();
  }

  /** Waits for a copy slot. */
  public void acquire() throws InterruptedException {
    lock.lock();
    try {
      while (active >= limit) {
        slotFreed.await();
      }
      active++;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Frees a slot after one file and adapts the limit to the throttled responses counted since the
   * previous file. Returns how many throttled responses were new.
   */
  public long release() {
    lock.lock();
    try {
      active--;
      long count = throttleCounter.getAsLong();
      long fresh = Math.max(0, count - lastCount);
      lastCount = Math.max(lastCount, count);
      if (fresh > 0) {
        throttledTotal += fresh;
        limit = Math.max(1, limit / 2);
        lowestLimit = Math.min(lowestLimit, limit);
        calmFiles = 0;
      } else if (limit < maxConcurrent && ++calmFiles >= 4 * limit) {
        limit++;
        calmFiles = 0;
      }
      slotFreed.signalAll();
      return fresh;
    } finally {
      lock.unlock();
    }
  }

  public int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the lowest limit reached, which the run reports. */
  public int lowestLimit() {
    lock.lock();
    try {
      return lowestLimit;
    } finally {
      lock.unlock();
    }
  }

  public long throttledTotal() {
    lock.lock();
    try {
      return throttledTotal;
    } finally {
      lock.unlock();
    }
  }
}
