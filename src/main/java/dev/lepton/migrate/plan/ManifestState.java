package dev.lepton.migrate.plan;

import java.io.Serializable;

/**
 * The latest manifest row of one path: what the job last recorded about that file.
 *
 * @param status manifest status: copied, skipped, adopted, failed, mismatch or deleted
 * @param verified whether the target was checked after the write (by checksum or size)
 */
public record ManifestState(
    String relativePath,
    long size,
    long modificationTime,
    String etag,
    String status,
    String checksumAlgorithm,
    String sourceChecksum,
    boolean verified)
    implements Serializable {

  /** Returns whether the row stands for a whole, checked copy on the target. */
  public boolean isGoodCopy() {
    boolean present = status.equals("copied") || status.equals("adopted") || status.equals("skipped");
    return present && verified;
  }
}
