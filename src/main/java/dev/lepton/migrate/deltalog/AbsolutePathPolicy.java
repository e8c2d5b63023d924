package dev.lepton.migrate.deltalog;

/** Handling of data files that a table's log names by absolute path. */
public enum AbsolutePathPolicy {
  /** The table fails with a message naming the version and the path. */
  REJECT,
  /**
   * Absolute paths into the source table itself are written relative in the target's commits;
   * paths elsewhere are still rejected. The target's commits then differ from the source's, so
   * checkpoints, version checksums and log compactions, which repeat the paths, are not copied.
   */
  REWRITE
}
