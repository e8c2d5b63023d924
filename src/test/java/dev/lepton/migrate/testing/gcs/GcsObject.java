package dev.lepton.migrate.testing.gcs;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The live generation of one object. {@code md5} is null for composed objects, as in the service,
 * and {@code componentCount} is null for objects that were never composed.
 */
record GcsObject(
    String bucket,
    String name,
    long generation,
    long metageneration,
    long size,
    int crc32c,
    byte[] md5,
    Integer componentCount,
    Instant created,
    Instant updated,
    ObjectAttributes attributes,
    Path blob) {

  BlobDigest digest() {
    return new BlobDigest(size, crc32c, md5);
  }

  GcsObject withAttributes(ObjectAttributes newAttributes, Instant now) {
    return new GcsObject(
        bucket, name, generation, metageneration + 1, size, crc32c, md5, componentCount, created,
        now, newAttributes, blob);
  }
}
