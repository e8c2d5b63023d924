package dev.lepton.migrate.plan;

import java.io.Serializable;

/**
 * The latest manifest row of one path: what the job last recorded about that file.
 *
 * @param status manifest status: copied, skipped, adopted, failed, conflict, mismatch or deleted
 * @param verifyLevel check made on the target after the write: checksum, size or none
 */
public record ManifestState(
    String relativePath,
    long size,
    long modificationTime,
    String etag,
    String status,
    String checksumAlgorithm,
    String sourceChecksum,
    String targetChecksum,
    String verifyLevel)
    implements Serializable {

  /** Returns whether the row stands for a whole copy on the target, written or kept by this job. */
  public boolean isGoodCopy() {
    return status.equals("copied") || status.equals("adopted") || status.equals("skipped");
  }
}
