package dev.lepton.migrate;

/** The target is locked, has diverged, or holds files that did not come from this job. */
public class TargetConflictException extends LeptonException {
  public TargetConflictException(String message) {
    super(message, null);
  }

  public TargetConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.TARGET_CONFLICT;
  }
}
