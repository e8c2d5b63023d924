package dev.lepton.migrate.copy;

/** Receives the bytes a copy has moved so far, for the driver's progress line. */
@FunctionalInterface
public interface ProgressSink {
  ProgressSink NONE = bytes -> {};

  void addBytes(long bytes);
}
