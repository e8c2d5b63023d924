package dev.lepton.migrate.deltalog;

import java.io.Serializable;

/**
 * A file that a sync copies from the source table to the target table.
 *
 * @param path the decoded path relative to the table root, such as {@code year=2024/part-0.parquet}
 *     or {@code _delta_log/00000000000000000007.json}
 * @param kind what the file is to the table
 * @param version the first version that references the file
 * @param sizeHint the length the log records, or -1 when it records none (deletion vector files)
 * @param lastNeededVersion the last version whose readers need the file, or {@link #STILL_NEEDED}
 *     when the version the sync ends at still needs it
 */
public record ReplayFile(
    String path, ReferencedFile.Kind kind, long version, long sizeHint, long lastNeededVersion)
    implements Serializable {
  /** The {@code lastNeededVersion} of a file the synced version still needs. */
  public static final long STILL_NEEDED = Long.MAX_VALUE;

  public ReplayFile {
    if (path == null || path.isEmpty() || path.startsWith("/") || kind == null) {
      throw new IllegalArgumentException("A replay file needs a relative path and a kind: " + path);
    }
    if (version < 0 || lastNeededVersion < version) {
      throw new IllegalArgumentException(
          "Invalid versions for " + path + ": referenced from " + version + ", needed until " + lastNeededVersion);
    }
  }

  /** Returns whether the version the sync ends at still needs this file. */
  public boolean neededAtEnd() {
    return lastNeededVersion == STILL_NEEDED;
  }

  /** Describes the versions that need the file, such as "versions 3 to 5" or "version 3". */
  public String neededBy() {
    if (neededAtEnd()) {
      return "versions " + version + " and later";
    }
    return lastNeededVersion == version ? "version " + version : "versions " + version + " to " + lastNeededVersion;
  }
}
