package dev.lepton.migrate.testing.abfs;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fails the next requests of a kind with an error status instead of serving them, so tests can
 * check the connector's retries. Each injected fault is used once.
 */
public final class AbfsFaultInjector {
  private final Map<AbfsCall, PendingFault> pending = new EnumMap<>(AbfsCall.class);

  private record PendingFault(int status, int remaining) {}

  AbfsFaultInjector() {}

  /**
   * Fails the next {@code count} requests of kind {@code call} with {@code status}, usually 429 or
   * 503, and a JSON error body of the kind the service sends. Replaces any fault still pending for
   * that kind.
   */
  public synchronized void failNext(AbfsCall call, int count, int status) {
    if (count < 1) {
      throw new IllegalArgumentException("Cannot inject faults: count must be positive, got " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("Cannot inject faults: status must be 4xx or 5xx, got " + status);
    }
    pending.put(call, new PendingFault(status, count));
  }

  /** Drops every fault still pending. */
  public synchronized void clear() {
    pending.clear();
  }

  /** Returns the status to fail this request with, or 0 to serve it normally. */
  synchronized int take(AbfsCall call) {
    PendingFault fault = pending.get(call);
    if (fault == null) {
      return 0;
    }
    if (fault.remaining() == 1) {
      pending.remove(call);
    } else {
      pending.put(call, new PendingFault(fault.status(), fault.remaining() - 1));
    }
    return fault.status();
  }
}
