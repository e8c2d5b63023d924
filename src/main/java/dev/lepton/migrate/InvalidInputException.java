package dev.lepton.migrate;

/** Bad usage, config, path, credentials or an unsupported input; raised before anything is written. */
public class InvalidInputException extends LeptonException {
  public InvalidInputException(String message) {
    super(message, null);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
