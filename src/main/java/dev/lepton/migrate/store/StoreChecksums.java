package dev.lepton.migrate.store;

import dev.lepton.migrate.copy.ChecksumAlgorithm;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the full-object checksums stores report, only where they are comparable with a checksum of
 * the bytes:
 *
 * <ul>
 *   <li>S3: a single-part etag is the object's MD5, unless the object is encrypted with SSE-KMS,
 *       DSSE-KMS or SSE-C; a multipart etag ({@code md5-of-part-md5s-N}) is not comparable.
 *   <li>GCS: the connector reports the object's CRC32C (as {@code COMPOSITE-CRC32C}) or MD5,
 *       depending on {@code fs.gs.checksum.type}; composite objects have no MD5.
 *   <li>HDFS: with {@code dfs.checksum.combine.mode=COMPOSITE_CRC} the file's CRC32C, independent of
 *       block size; the default MD5-of-MD5-of-CRC depends on block and chunk sizes.
 *   <li>ABFS, WASB and local files report none.
 * </ul>
 */
public final class StoreChecksums {
  private static final String COMPOSITE_CRC32C = "COMPOSITE-CRC32C";

  private StoreChecksums() {}

  public static StoreChecksum read(FileSystem fs, Path path, StoreKind kind) throws IOException {
    if (kind == StoreKind.S3) {
      return fromS3(fs.getFileStatus(path), fs.getConf());
    }
    if (kind == StoreKind.ABFS || kind == StoreKind.WASB || kind == StoreKind.LOCAL) {
      return new StoreChecksum.NotComparable(kind.name().toLowerCase(Locale.ROOT) + " reports no object checksum");
    }
    FileChecksum checksum = fs.getFileChecksum(path);
    if (checksum == null) {
      return new StoreChecksum.NotComparable("the store reported no checksum");
    }
    return fromFileChecksum(checksum, kind);
  }

  static StoreChecksum fromS3(FileStatus status, Configuration conf) {
    String etag = Stores.etagOf(status);
    if (etag == null) {
      return new StoreChecksum.NotComparable("no etag");
    }
    if (etag.contains("-")) {
      return new StoreChecksum.NotComparable("multipart etag " + etag);
    }
    String encryption = conf.getTrimmed("fs.s3a.encryption.algorithm",
        conf.getTrimmed("fs.s3a.server-side-encryption-algorithm", "")).toUpperCase(Locale.ROOT);
    if (encryption.contains("KMS") || encryption.equals("SSE-C")) {
      return new StoreChecksum.NotComparable("etag of an " + encryption + " object is not its MD5");
    }
    if (!etag.matches("[0-9a-fA-F]{32}")) {
      return new StoreChecksum.NotComparable("etag " + etag + " is not an MD5");
    }
    return new StoreChecksum.Available("s3 etag", ChecksumAlgorithm.MD5, etag.toLowerCase(Locale.ROOT));
  }

  static StoreChecksum fromFileChecksum(FileChecksum checksum, StoreKind kind) {
    String name = checksum.getAlgorithmName();
    byte[] bytes = checksum.getBytes();
    String store = kind.name().toLowerCase(Locale.ROOT);
    if (COMPOSITE_CRC32C.equalsIgnoreCase(name) && bytes.length == 4) {
      return new StoreChecksum.Available(store + " crc32c", ChecksumAlgorithm.CRC32C, HexFormat.of().formatHex(bytes));
    }
    if ("MD5".equalsIgnoreCase(name) && bytes.length == 16) {
      return new StoreChecksum.Available(store + " md5", ChecksumAlgorithm.MD5, HexFormat.of().formatHex(bytes));
    }
    return new StoreChecksum.NotComparable(store + " checksum " + name + " depends on how the file was stored");
  }
}
