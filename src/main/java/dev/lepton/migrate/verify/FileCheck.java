package dev.lepton.migrate.verify;

import java.io.Serializable;
import java.util.Objects;

/**
 * Result of checking one file on the target against the manifest and the source.
 *
 * @param expected the value the manifest records (checksum or size), or null
 * @param actual the value found, or null when it could not be read
 * @param markMismatch whether the manifest should record the file as {@code mismatch}, so that the
 *     next copy replaces it
 */
public record FileCheck(
    String path, CheckStatus status, String expected, String actual, String reason, boolean markMismatch)
    implements Serializable {
  public FileCheck {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }
}
