package dev.lepton.migrate.report;

import java.io.Serializable;
import java.util.Objects;

/**
 * One manifest row: what one run did with one file. Statuses are {@code copied}, {@code skipped},
 * {@code adopted} (a matching target file was kept), {@code failed}, {@code conflict} (a target file
 * that differs and did not come from this job), {@code mismatch} (set by verify), {@code deleted} and
 * {@code missing} (a Delta log names the file but the source does not have it).
 *
 * @param verifyLevel check made on the target after the write: checksum, size or none
 * @param targetChecksum checksum of the target bytes when they were re-read, else null
 * @param storeChecks the store-reported checksums compared, e.g. {@code target s3 etag md5 match},
 *     or why none was comparable; null where not checked
 */
public record ManifestRow(
    String runId,
    String path,
    long size,
    long modificationTime,
    String etag,
    String checksumAlgorithm,
    String sourceChecksum,
    String targetChecksum,
    String codec,
    String status,
    String verifyLevel,
    long bytesCopied,
    long durationMs,
    int attempts,
    String reason,
    long recordedAt,
    String storeChecks)
    implements Serializable {
  public static final String COPIED = "copied";
  public static final String SKIPPED = "skipped";
  public static final String ADOPTED = "adopted";
  public static final String FAILED = "failed";
  public static final String CONFLICT = "conflict";
  public static final String MISMATCH = "mismatch";
  public static final String DELETED = "deleted";
  public static final String MISSING = "missing";

  /** Creates a row without store checksum comparisons. */
  public ManifestRow(String runId, String path, long size, long modificationTime, String etag,
      String checksumAlgorithm, String sourceChecksum, String targetChecksum, String codec, String status,
      String verifyLevel, long bytesCopied, long durationMs, int attempts, String reason, long recordedAt) {
    this(runId, path, size, modificationTime, etag, checksumAlgorithm, sourceChecksum, targetChecksum, codec,
        status, verifyLevel, bytesCopied, durationMs, attempts, reason, recordedAt, null);
  }

  public ManifestRow {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
  }

  /** Returns whether the row records a file now present and checked on the target. */
  public boolean isVerifiedCopy() {
    boolean present = status.equals(COPIED) || status.equals(ADOPTED) || status.equals(SKIPPED);
    return present && !"none".equals(verifyLevel);
  }
}
