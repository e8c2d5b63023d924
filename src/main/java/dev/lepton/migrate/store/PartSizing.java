package dev.lepton.migrate.store;

import dev.lepton.migrate.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses upload part sizes from the largest file of a run, within each store's limits, and returns
 * the connector settings that apply them. The connectors read part sizes once per file system
 * instance, so one size serves the whole run: the configured one, raised where the largest file would
 * otherwise need more parts than the store allows.
 */
public final class PartSizing {
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;
  static final long TIB = 1L << 40;

  /** S3: parts of 5 MiB to 5 GiB (the last part may be smaller), at most 10,000 per upload. */
  static final long S3_MIN_PART = 5 * MIB;
  static final long S3_MAX_PART = 5 * GIB;
  static final int S3_MAX_PARTS = 10_000;
  /** S3 and GCS: largest object the store accepts. */
  static final long MAX_OBJECT = 5 * TIB;
  /** S3: largest object one CopyObject request copies; larger copies need UploadPartCopy. */
  public static final long S3_MAX_SINGLE_COPY = 5 * GIB;
  /** GCS: resumable upload chunks are multiples of 256 KiB. */
  static final long GCS_CHUNK_UNIT = 256L << 10;
  /** S3A's default part size in Hadoop 3.3 (fs.s3a.multipart.size = 64M). */
  static final long S3A_DEFAULT_PART = 64 * MIB;

  private PartSizing() {}

  /**
   * Returns the S3 part size for a file: at least {@code configured} (rounded up to the 5 MiB
   * minimum), raised in whole MiB until the file fits in 10,000 parts.
   *
   * @throws InvalidInputException when the file is larger than the 5 TiB S3 object limit
   */
  public static long s3PartSize(long fileSize, long configured) {
    requireObjectSize(fileSize, "S3");
    long needed = ceilDiv(fileSize, S3_MAX_PARTS);
    long part = Math.max(Math.max(configured, S3_MIN_PART), roundUp(needed, MIB));
    return Math.min(part, S3_MAX_PART);
  }

  /** Returns the number of parts an upload of {@code fileSize} bytes in parts of {@code partSize} needs. */
  public static long partCount(long fileSize, long partSize) {
    return Math.max(1, ceilDiv(fileSize, partSize));
  }

  /**
   * Returns the GCS resumable upload chunk size: the configured size rounded up to a multiple of
   * 256 KiB, as the JSON API requires.
   */
  public static long gcsChunkSize(long fileSize, long configured) {
    requireObjectSize(fileSize, "GCS");
    return Math.max(GCS_CHUNK_UNIT, roundUp(configured, GCS_CHUNK_UNIT));
  }

  /**
   * Returns the Hadoop settings that make the target connector upload the largest file of a run
   * within its store's limits, or none when the configured sizes already fit.
   */
  public static Map<String, String> settingsFor(StoreKind target, long largestFile, org.apache.hadoop.conf.Configuration conf) {
    Map<String, String> settings = new LinkedHashMap<>();
    switch (target) {
      case S3 -> {
        long configured = conf.getLongBytes("fs.s3a.multipart.size", S3A_DEFAULT_PART);
        long part = s3PartSize(largestFile, configured);
        if (part != configured) {
          settings.put("fs.s3a.multipart.size", Long.toString(part));
        }
      }
      case GCS -> {
        long configured = conf.getLongBytes("fs.gs.outputstream.upload.chunk.size", 64 * MIB);
        long chunk = gcsChunkSize(largestFile, configured);
        if (chunk != configured) {
          settings.put("fs.gs.outputstream.upload.chunk.size", Long.toString(chunk));
        }
      }
      default -> {
        // HDFS, ABFS, WASB and local files take appends of any count; their limits are per request.
      }
    }
    return settings;
  }

  private static void requireObjectSize(long fileSize, String store) {
    if (fileSize > MAX_OBJECT) {
      throw new InvalidInputException(
          "Cannot copy a file of " + fileSize + " bytes to " + store + ": the store's largest object is 5 TiB."
              + " Split the file at the source or leave it out with migration.exclude-globs.");
    }
  }

  private static long ceilDiv(long value, long divisor) {
    return (value + divisor - 1) / divisor;
  }

  private static long roundUp(long value, long unit) {
    return ceilDiv(value, unit) * unit;
  }
}
