package dev.lepton.migrate;

/** A state the job relies on does not hold, for example a Delta log with a gap in its versions. */
public class InvariantViolationException extends LeptonException {
  public InvariantViolationException(String message) {
    super(message, null);
  }

  public InvariantViolationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILED;
  }
}
