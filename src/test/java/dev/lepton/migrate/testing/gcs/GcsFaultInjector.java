package dev.lepton.migrate.testing.gcs;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fails the next requests of a kind with an error status instead of serving them, so tests can
 * check the connector's retries. Each injected fault is used once.
 */
public final class GcsFaultInjector {
  private final Map<GcsCall, PendingFault> pending = new EnumMap<>(GcsCall.class);

  private record PendingFault(int status, int remaining) {}

  GcsFaultInjector() {}

  /**
   * Fails the next {@code count} requests of kind {@code call} with {@code status}, usually 429 or
   * 503, and a JSON error body of the kind the service sends. Replaces any fault still pending for
   * that kind.
   */
  public synchronized void failNext(GcsCall call, int count, int status) {
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
  synchronized int take(GcsCall call) {
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
