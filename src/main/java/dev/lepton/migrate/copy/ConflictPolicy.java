package dev.lepton.migrate.copy;

/** Action for a target file that differs from the source and that the job did not write. */
public enum ConflictPolicy {
  /** Stop before copying anything, with exit code 3. */
  FAIL,
  /** Replace the target file. */
  OVERWRITE
}
