package dev.lepton.migrate.testing.gcs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;

/** Streams object bodies to and from files, computing their checksums on the way. */
final class BlobFiles {
  private static final int BUFFER_BYTES = 64 * 1024;

  private BlobFiles() {}

  /** Writes the whole stream to a new file and returns the digest of the bytes written. */
  static BlobDigest write(InputStream in, Path target) throws IOException {
    CRC32C crc = new CRC32C();
    MessageDigest md5 = newMd5();
    long size = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        out.write(buffer, 0, read);
        crc.update(buffer, 0, read);
        md5.update(buffer, 0, read);
        size += read;
      }
    }
    return new BlobDigest(size, (int) crc.getValue(), md5.digest());
  }

  /** Reads a whole file and returns its digest. */
  static BlobDigest digest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return digest(in);
    }
  }

  /** Reads a stream to its end and returns its digest. */
  static BlobDigest digest(InputStream in) throws IOException {
    CRC32C crc = new CRC32C();
    MessageDigest md5 = newMd5();
    long size = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    int read;
    while ((read = in.read(buffer)) > 0) {
      crc.update(buffer, 0, read);
      md5.update(buffer, 0, read);
      size += read;
    }
    return new BlobDigest(size, (int) crc.getValue(), md5.digest());
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides MD5", e);
    }
  }
}
