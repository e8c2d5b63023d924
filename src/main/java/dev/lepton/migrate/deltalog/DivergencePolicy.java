package dev.lepton.migrate.deltalog;

/** Action of a sync when the target's log differs from the source's. */
public enum DivergencePolicy {
  /** Stop the table with exit code 3, naming the first differing version; write nothing. */
  FAIL,
  /**
   * Move the target's diverging log files to a backup in the state folder, then write the
   * source's commits in their place. Needs the command-line confirmation as well.
   */
  OVERWRITE
}
