package dev.lepton.migrate;

/**
 * A write whose outcome cannot be known, for example a rename that timed out. Nothing is deleted
 * after it: the next run finds out from the target what happened.
 */
public class CommitStateUnknownException extends LeptonException {
  public CommitStateUnknownException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILED;
  }
}
