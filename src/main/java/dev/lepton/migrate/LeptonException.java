package dev.lepton.migrate;

/**
 * Base of the job's own exceptions. Each subclass maps to one exit code, and its message follows one
 * shape: "Cannot ACTION OBJECT: REASON. WHAT TO DO", naming the path, table, version or config key.
 */
public abstract class LeptonException extends RuntimeException {
  protected LeptonException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract ExitCode exitCode();
}
