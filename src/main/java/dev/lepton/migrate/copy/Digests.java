package dev.lepton.migrate.copy;

import dev.lepton.migrate.store.StoreKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The checksums one copy computes in a single pass over the bytes: the configured one, plus MD5
 * when an S3 end of the copy reports single-part etags (which are MD5s) and store checksums are
 * compared.
 */
final class Digests implements ChecksumAlgorithm.Digest {
  private final ChecksumAlgorithm primary;
  private final Map<ChecksumAlgorithm, ChecksumAlgorithm.Digest> digests = new EnumMap<>(ChecksumAlgorithm.class);
  /** Hex values, computed once: a message digest resets when it is read. */
  private Map<ChecksumAlgorithm, String> hexes;

  private Digests(ChecksumAlgorithm primary, boolean withMd5) {
    this.primary = primary;
    digests.put(primary, primary.newDigest());
    if (withMd5 && primary != ChecksumAlgorithm.MD5) {
      digests.put(ChecksumAlgorithm.MD5, ChecksumAlgorithm.MD5.newDigest());
    }
  }

  /** Returns digests of the given algorithm and MD5. */
  static Digests withMd5(ChecksumAlgorithm primary) {
    return new Digests(primary, true);
  }

  static Digests forCopy(CopyContext context) {
    boolean s3End = context.source().kind() == StoreKind.S3 || context.target().kind() == StoreKind.S3;
    return new Digests(context.settings().checksum(), context.settings().storeChecksums() && s3End);
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
