package dev.lepton.migrate.cli;

import dev.lepton.migrate.LeptonException;

/** Finds the job's own exception inside the wrappers Spark puts around task failures. */
final class Failures {
  private Failures() {}

  static LeptonException unwrap(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof LeptonException lepton) {
        return lepton;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }
}
