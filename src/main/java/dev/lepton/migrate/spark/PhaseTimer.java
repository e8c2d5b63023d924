package dev.lepton.migrate.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Measures a run's phases in milliseconds, in the order they ran. Thread-safe. */
final class PhaseTimer {
  private final Map<String, Long> phases = new LinkedHashMap<>();

  void time(String phase, Runnable step) {
    long started = System.nanoTime();
    step.run();
    record(phase, started);
  }

  <T> T timeValue(String phase, Supplier<T> step) {
    long started = System.nanoTime();
    T result = step.get();
    record(phase, started);
    return result;
  }

  /** Records a phase that started at {@code startedNanos} and ends now. */
  synchronized void record(String phase, long startedNanos) {
    phases.put(phase, (System.nanoTime() - startedNanos) / 1_000_000);
  }

  synchronized Map<String, Long> phases() {
    return phases;
  }
}
