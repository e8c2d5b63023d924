package dev.lepton.migrate.plan;

/** Action a run takes for one source file. */
public enum FileAction {
  /** Copy the file: it is new, changed, failed before, or its target was found corrupt. */
  COPY,
  /**
   * The source's identity changed since the manifest row, but its content may not have: the copy
   * task computes the source checksum and copies only when it differs from the recorded one.
   */
  RECHECK,
  /** Leave it: the manifest records a verified copy of this exact source file. */
  SKIP,
  /**
   * A target file of the same size exists that the manifest does not know, for example after a
   * killed run: the copy task compares checksums and adopts it when they are equal.
   */
  ADOPT,
  /** A target file that differs from the source and did not come from this job. */
  CONFLICT
}
