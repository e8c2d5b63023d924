package dev.lepton.migrate;

/**
 * Process exit codes. When several outcomes apply to one run, the highest code wins, so a run that
 * both failed a file (1) and met a locked table (3) exits 3.
 */
public enum ExitCode {
  SUCCESS(0),
  /** Some files failed, or verification found a mismatch (or could not verify, where configured). */
  FAILED(1),
  /** Invalid usage or configuration; nothing was written. */
  INVALID_INPUT(2),
  /** The target conflicts: locked, diverged, or holding files that did not come from this job. */
  TARGET_CONFLICT(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Returns the more severe of the two codes. */
  public ExitCode max(ExitCode other) {
    return other.code > code ? other : this;
  }
}
