package dev.lepton.migrate.store;

import dev.lepton.migrate.copy.ChecksumAlgorithm;

/**
 * A checksum a store reports for a whole object, or the reason there is none that can be compared
 * with a checksum computed over the object's bytes.
 */
public sealed interface StoreChecksum {
  /**
   * A full-object checksum in the same form the job computes.
   *
   * @param source where it came from, e.g. {@code s3 etag} or {@code hdfs composite crc}
   * @param hex lowercase hex of the digest
   */
  record Available(String source, ChecksumAlgorithm algorithm, String hex) implements StoreChecksum {}

  /** No comparable checksum, with the reason (multipart etag, no checksum in this store, ...). */
  record NotComparable(String reason) implements StoreChecksum {}
}
