package dev.lepton.migrate.testing.http;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fails the next requests of a call kind {@code C} with an error status instead of serving them,
 * so tests can check the connector's retries. Each injected fault is used once.
 */
public final class FaultInjector<C extends Enum<C>> {
  private final Map<C, PendingFault> pending;

  private record PendingFault(int status, int remaining) {}

  FaultInjector(Class<C> callType) {
    this.pending = new EnumMap<>(callType);
  }

  /**
   * Fails the next {@code count} requests of kind {@code call} with {@code status}, usually 429 or
   * 503, and a JSON error body of the kind the service sends. Replaces any fault still pending for
   * that kind.
   */
  public synchronized void failNext(C call, int count, int status) {
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

  /**
   * Uses up one pending fault for {@code call} and returns its status, or returns 0 when none is
   * pending and the request is to be served normally. The server's router calls it once per request.
   */
  public synchronized int take(C call) {
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
