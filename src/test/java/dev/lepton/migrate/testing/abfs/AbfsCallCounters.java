package dev.lepton.migrate.testing.abfs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request counts by {@link AbfsCall}, including requests that got an injected fault, and the request
 * lines of the most recent requests.
 */
public final class AbfsCallCounters {
  private static final int JOURNAL_CAPACITY = 10_000;

  private final Map<AbfsCall, AtomicLong> received = new EnumMap<>(AbfsCall.class);
  private final Map<AbfsCall, AtomicLong> faulted = new EnumMap<>(AbfsCall.class);
  private final Deque<String> journal = new ArrayDeque<>();

  AbfsCallCounters() {
    for (AbfsCall call : AbfsCall.values()) {
      received.put(call, new AtomicLong());
      faulted.put(call, new AtomicLong());
    }
  }

  void record(AbfsCall call, String requestLine) {
    received.get(call).incrementAndGet();
    synchronized (journal) {
      if (journal.size() == JOURNAL_CAPACITY) {
        journal.removeFirst();
      }
      journal.addLast(call + " " + requestLine);
    }
  }

  void recordFault(AbfsCall call) {
    faulted.get(call).incrementAndGet();
  }

  /** Returns how many requests of this kind arrived, faulted ones included. */
  public long count(AbfsCall call) {
    return received.get(call).get();
  }

  /** Returns how many requests of this kind got an injected fault. */
  public long faulted(AbfsCall call) {
    return faulted.get(call).get();
  }

  /** Returns the counts of every kind that was called at least once. */
  public Map<AbfsCall, Long> snapshot() {
    Map<AbfsCall, Long> counts = new EnumMap<>(AbfsCall.class);
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
