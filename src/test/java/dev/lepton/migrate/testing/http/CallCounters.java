package dev.lepton.migrate.testing.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request counts by call kind {@code C}, including requests that got an injected fault, and the
 * request lines of the most recent requests. The server's router records each request.
 */
public final class CallCounters<C extends Enum<C>> {
  private static final int JOURNAL_CAPACITY = 10_000;

  private final Class<C> callType;
  private final Map<C, AtomicLong> received;
  private final Map<C, AtomicLong> faulted;
  private final Deque<String> journal = new ArrayDeque<>();

  CallCounters(Class<C> callType) {
    this.callType = callType;
    this.received = new EnumMap<>(callType);
    this.faulted = new EnumMap<>(callType);
    for (C call : callType.getEnumConstants()) {
      received.put(call, new AtomicLong());
      faulted.put(call, new AtomicLong());
    }
  }

  /** Counts one request of kind {@code call} and adds its request line to the journal. */
  public void record(C call, String requestLine) {
    received.get(call).incrementAndGet();
    synchronized (journal) {
      if (journal.size() == JOURNAL_CAPACITY) {
        journal.removeFirst();
      }
      journal.addLast(call + " " + requestLine);
    }
  }

  /** Counts one request of kind {@code call} that got an injected fault. */
  public void recordFault(C call) {
    faulted.get(call).incrementAndGet();
  }

  /** Returns how many requests of this kind arrived, faulted ones included. */
  public long count(C call) {
    return received.get(call).get();
  }

  /** Returns how many requests of this kind got an injected fault. */
  public long faulted(C call) {
    return faulted.get(call).get();
  }

  /** Returns the counts of every kind that was called at least once. */
  public Map<C, Long> snapshot() {
    Map<C, Long> counts = new EnumMap<>(callType);
    received.forEach(
        (call, count) -> {
          if (count.get() > 0) {
            counts.put(call, count.get());
          }
        });
    return counts;
  }

  /**
   * Returns the last requests, oldest first, as {@code KIND METHOD PATH?QUERY}. At most 10,000 are
   * kept.
   */
  public List<String> journal() {
    synchronized (journal) {
      return new ArrayList<>(journal);
    }
  }

  /** Sets every count to zero and empties the journal; injected faults still pending stay. */
  public void reset() {
    received.values().forEach(count -> count.set(0));
    faulted.values().forEach(count -> count.set(0));
    synchronized (journal) {
      journal.clear();
    }
  }
}
