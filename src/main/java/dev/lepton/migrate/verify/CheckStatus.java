package dev.lepton.migrate.verify;

/** Outcome of one check. A check that could not be made is {@link #UNVERIFIED}, never a match. */
public enum CheckStatus {
  MATCH,
  MISMATCH,
  UNVERIFIED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Combines two outcomes: any mismatch wins, then any unverified. A mismatch outranks an
   * unverified check because a found difference is certain, and an unverified one is not.
   */
  public CheckStatus and(CheckStatus other) {
    return severity() >= other.severity() ? this : other;
  }

  private int severity() {
    return switch (this) {
      case MATCH -> 0;
      case UNVERIFIED -> 1;
      case MISMATCH -> 2;
    };
  }
}
