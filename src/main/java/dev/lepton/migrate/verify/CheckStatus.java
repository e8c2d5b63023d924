package dev.lepton.migrate.verify;

/** Outcome of one check. A check that could not be made is {@link #UNVERIFIED}, never a match. */
public enum CheckStatus {
  MATCH,
  MISMATCH,
  UNVERIFIED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Combines two outcomes: any mismatch wins, then any unverified. */
  public CheckStatus and(CheckStatus other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
