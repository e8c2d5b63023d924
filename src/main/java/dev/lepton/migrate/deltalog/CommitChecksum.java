package dev.lepton.migrate.deltalog;

/**
 * The CRC32C checksum of one commit file's bytes, used to tell whether two logs hold the same
 * commit at a version.
 *
 * @param version the commit's version
 * @param size the commit file's length in bytes
 * @param crc32c the CRC32C of the file's bytes as 8 lowercase hex digits
 */
public record CommitChecksum(long version, long size, String crc32c) {

  public CommitChecksum {
    if (version < 0 || size < 0 || crc32c == null || !crc32c.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException(
          "Invalid commit checksum: version " + version + ", size " + size + ", crc32c " + crc32c);
    }
  }
}
