package dev.lepton.migrate;

/** A value read back from the target differs from the value expected from the source. */
public class VerificationMismatchException extends LeptonException {
  private final String expected;
  private final String actual;

  public VerificationMismatchException(String message, String expected, String actual) {
    super(message + " (expected " + expected + ", found " + actual + ")", null);
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILED;
  }
}
