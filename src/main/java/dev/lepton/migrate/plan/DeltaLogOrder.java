package dev.lepton.migrate.plan;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Delta log files among relative paths and orders them for a copy that keeps the target
 * table readable: for each version its commit, then its checksum file, then its checkpoint parts and
 * compacted log; files without a version after all versions; {@code _last_checkpoint} last of all.
 * Sidecar files of v2 checkpoints (under {@code _delta_log/_sidecars/}) are data, copied before.
 */
public final class DeltaLogOrder {
  private static final String LOG_DIR = "_delta_log";
  private static final Pattern VERSIONED =
      Pattern.compile("^(\\d{20})(?:\\.(\\d{20}))?\\.(json|crc|checkpoint\\..*|compacted\\.json)$");

  private DeltaLogOrder() {}

  /** Returns the table root (relative, "" for the root itself) of a log file, or null for other files. */
  public static String tableOf(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    String folder = slash < 0 ? "" : relativePath.substring(0, slash);
    if (folder.equals(LOG_DIR)) {
      return "";
    }
    if (folder.endsWith("/" + LOG_DIR)) {
      return folder.substring(0, folder.length() - LOG_DIR.length() - 1);
    }
    return null;
  }

  public static boolean isLogFile(String relativePath) {
    return tableOf(relativePath) != null;
  }

  /** Returns whether a log file is created only if absent: every versioned file, not {@code _last_checkpoint}. */
  public static boolean isImmutable(String relativePath) {
    return VERSIONED.matcher(name(relativePath)).matches();
  }

  public static Comparator<String> comparator() {
    return Comparator.comparing(DeltaLogOrder::sortKey);
  }

  private static String sortKey(String relativePath) {
    String name = name(relativePath);
    if (name.equals("_last_checkpoint")) {
      return "9";
    }
    Matcher m = VERSIONED.matcher(name);
    if (!m.matches()) {
      return "8" + name;
    }
    String kind = m.group(3);
    // A compacted file X.Y.compacted.json covers versions X to Y, so it follows commit Y.
    String version = m.group(2) != null ? m.group(2) : m.group(1);
    int rank = kind.equals("json") ? 0 : kind.equals("crc") ? 1 : kind.startsWith("checkpoint") ? 2 : 3;
    return "1" + version + rank + name;
  }

  private static String name(String relativePath) {
    return relativePath.substring(relativePath.lastIndexOf('/') + 1);
  }
}
