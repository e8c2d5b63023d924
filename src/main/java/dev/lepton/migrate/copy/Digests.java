package dev.lepton.migrate.copy;

import dev.lepton.migrate.store.StoreKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The checksums one copy computes in a single pass over the bytes. Besides the configured one, it
 * computes the one a store reports where that differs, such as MD5 for the single-part etags of S3.
 */
final class Digests implements ChecksumAlgorithm.Digest {
  private final ChecksumAlgorithm primary;
  private final Map<ChecksumAlgorithm, ChecksumAlgorithm.Digest> digests = new EnumMap<>(ChecksumAlgorithm.class);
  /** Hex values, computed once: a message digest resets when it is read. */
  private Map<ChecksumAlgorithm, String> hexes;

  private Digests(ChecksumAlgorithm primary, ChecksumAlgorithm extra) {
    this.primary = primary;
    digests.put(primary, primary.newDigest());
    if (extra != null) {
      digests.putIfAbsent(extra, extra.newDigest());
    }
  }

  /** Returns digests of the configured algorithm and {@code extra}. */
  static Digests with(ChecksumAlgorithm primary, ChecksumAlgorithm extra) {
    return new Digests(primary, extra);
  }

  static Digests forCopy(CopyContext context) {
    boolean s3End = context.source().kind() == StoreKind.S3 || context.target().kind() == StoreKind.S3;
    boolean md5 = context.settings().storeChecksums() && s3End;
    return new Digests(context.settings().checksum(), md5 ? ChecksumAlgorithm.MD5 : null);
  }

  @Override
  public void update(byte[] buffer, int offset, int length) {
    for (ChecksumAlgorithm.Digest digest : digests.values()) {
      digest.update(buffer, offset, length);
    }
  }

  /** Returns the configured checksum. */
  @Override
  public String hex() {
    return primaryHex();
  }

  String primaryHex() {
    return hexValues().get(primary);
  }

  /** Returns the checksum of the given algorithm, or null when this copy did not compute it. */
  String hex(ChecksumAlgorithm algorithm) {
    return hexValues().get(algorithm);
  }

  private Map<ChecksumAlgorithm, String> hexValues() {
    if (hexes == null) {
      hexes = new EnumMap<>(ChecksumAlgorithm.class);
      digests.forEach((algorithm, digest) -> hexes.put(algorithm, digest.hex()));
    }
    return hexes;
  }
}
