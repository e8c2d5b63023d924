package dev.lepton.migrate.store;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The names a target store can hold, checked on relative paths before a copy writes anything. The
 * limits are the stores' documented defaults: 255-byte name segments on local file systems and HDFS
 * ({@code dfs.namenode.fs-limits.max-component-length}), no ':' on HDFS, 1,024-byte keys on S3 and
 * GCS, and for Azure blobs 1,024 characters, 254 segments and no segment that ends with '.', plus
 * no ':' through WASB, which hadoop-azure 3.3.4 rejects.
 */
public final class NameRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SEGMENT_BYTES = 255;
  private static final int MAX_KEY_BYTES = 1024;
  private static final int MAX_AZURE_CHARS = 1024;
  private static final int MAX_AZURE_SEGMENTS = 254;

  private final StoreKind kind;
  private final String keyPrefix;

  private NameRules(StoreKind kind, String keyPrefix) {
    this.kind = kind;
    this.keyPrefix = keyPrefix;
  }

  /** Returns the rules of the store that holds {@code target}. */
  public static NameRules forTarget(Location target) {
    String root = target.rootPath().equals("/") ? "" : target.rootPath().substring(1) + "/";
    return new NameRules(target.kind(), root);
  }

  /**
   * Returns the form under which the store tells names apart. Blob names through WASB are compared
   * in Unicode NFC: Azurite 3.37 stores "café" written with a combining accent (NFD) and with a
   * precomposed é (NFC) as one blob. NOTE: only Azurite was observed, not the Azure service.
   */
  public String comparisonKey(String relativePath) {
    return kind == StoreKind.WASB ? Normalizer.normalize(relativePath, Normalizer.Form.NFC) : relativePath;
  }

  /** Returns whether {@link #comparisonKey} can map two names to one. */
  public boolean foldsNames() {
    return kind == StoreKind.WASB;
  }

  /** Returns why the store cannot hold a file at {@code relativePath}, or null when it can. */
  public String problem(String relativePath) {
    String[] segments = relativePath.split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "it has an empty, '.' or '..' segment";
      }
    }
    String key = keyPrefix + relativePath;
    return switch (kind) {
      case LOCAL -> longSegment(segments, "local file systems");
      case HDFS -> relativePath.contains(":") ? "HDFS does not allow ':' in names"
          : longSegment(segments, "HDFS (dfs.namenode.fs-limits.max-component-length)");
      case S3 -> longKey(key, "S3 keys");
      case GCS -> key.contains("\r") || key.contains("\n") ? "GCS object names must not contain line breaks"
          : longKey(key, "GCS object names");
      case WASB -> relativePath.contains(":") ? "WASB does not allow ':' in names" : azureProblem(key, segments);
      case ABFS -> azureProblem(key, segments);
      case OTHER -> null;
    };
  }

  private static String longSegment(String[] segments, String store) {
    for (String segment : segments) {
      int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_SEGMENT_BYTES) {
        return "a name segment has " + bytes + " bytes; " + store + " allow at most " + MAX_SEGMENT_BYTES;
      }
    }
    return null;
  }

  private static String longKey(String key, String what) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    return bytes > MAX_KEY_BYTES ? "the key has " + bytes + " bytes; " + what + " hold at most " + MAX_KEY_BYTES : null;
  }

  private static String azureProblem(String key, String[] segments) {
    if (key.length() > MAX_AZURE_CHARS) {
      return "the blob name has " + key.length() + " characters; Azure allows at most " + MAX_AZURE_CHARS;
    }
    if (key.split("/").length > MAX_AZURE_SEGMENTS) {
      return "the blob name has more than " + MAX_AZURE_SEGMENTS + " segments, the Azure limit";
    }
    for (String segment : segments) {
      if (segment.endsWith(".")) {
        return "a name segment ends with '.', which hadoop-azure does not allow";
      }
    }
    return null;
  }
}
