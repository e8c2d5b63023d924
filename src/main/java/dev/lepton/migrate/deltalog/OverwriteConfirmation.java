package dev.lepton.migrate.deltalog;

/** Whether the command line confirmed that a sync may overwrite a diverged target log. */
public enum OverwriteConfirmation {
  /** {@code --overwrite-diverged} was given. */
  GIVEN,
  NOT_GIVEN
}
