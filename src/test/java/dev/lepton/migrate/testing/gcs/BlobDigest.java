package dev.lepton.migrate.testing.gcs;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Size and checksums of stored bytes. The JSON API reports {@code crc32c} and {@code md5Hash} as
 * base64 of the big-endian digest. {@code md5} is null for composed objects, which have none.
 */
record BlobDigest(long size, int crc32c, byte[] md5) {
  String crc32cBase64() {
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt(crc32c).array());
  }

  /** Returns the base64 MD5, or null when the object has none. */
  String md5Base64() {
    return md5 == null ? null : Base64.getEncoder().encodeToString(md5);
  }

  BlobDigest withoutMd5() {
    return new BlobDigest(size, crc32c, null);
  }
}
