package dev.lepton.migrate.copy;

/** Check made after each write. */
public enum VerifyMode {
  /** Re-read the target and compare its checksum with the one computed while reading the source. */
  CHECKSUM,
  /** Compare the target's size with the number of bytes read from the source. */
  SIZE,
  /** No check; the manifest records the file as not verified. */
  NONE
}
