package dev.lepton.migrate.copy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;

/** Checksum computed over the bytes a copy reads; the value is rendered as lowercase hex. */
public enum ChecksumAlgorithm {
  CRC32C,
  MD5,
  SHA256;

  /** Returns a fresh digest for one file. */
  public Digest newDigest() {
    return switch (this) {
      case CRC32C -> new Crc32cDigest();
      case MD5 -> new MessageDigestDigest("MD5");
      case SHA256 -> new MessageDigestDigest("SHA-256");
    };
  }

  /** Name as written in config and in the manifest. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Incremental checksum of a byte stream. */
  public interface Digest {
    void update(byte[] buffer, int offset, int length);

    /** Returns the checksum of everything passed to {@link #update} so far, as lowercase hex. */
    String hex();
  }

  private static final class Crc32cDigest implements Digest {
    private final CRC32C crc = new CRC32C();

    @Override
    public void update(byte[] buffer, int offset, int length) {
      crc.update(buffer, offset, length);
    }

    @Override
    public String hex() {
      return String.format("%08x", crc.getValue());
    }
  }

  private static final class MessageDigestDigest implements Digest {
    private final MessageDigest digest;

    MessageDigestDigest(String algorithm) {
      try {
        digest = MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("The JDK has no " + algorithm + " digest", e);
      }
    }

    @Override
    public void update(byte[] buffer, int offset, int length) {
      digest.update(buffer, offset, length);
    }

    @Override
    public String hex() {
      return java.util.HexFormat.of().formatHex(digest.digest());
    }
  }
}
