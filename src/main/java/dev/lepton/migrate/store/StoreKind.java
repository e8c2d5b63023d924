package dev.lepton.migrate.store;

import java.util.Locale;

/** The kinds of store the job supports, with the way each one makes a written file visible. */
public enum StoreKind {
  LOCAL(CommitStyle.STAGE_AND_RENAME, true),
  HDFS(CommitStyle.STAGE_AND_RENAME, true),
  S3(CommitStyle.DIRECT, false),
  GCS(CommitStyle.DIRECT, false),
  ABFS(CommitStyle.STAGE_AND_RENAME, false),
  // hadoop-azure's WASB writes a file to a temporary blob and puts an empty link blob under the
  // final name until close, so a killed write leaves an empty file there: it stages and renames
  // (a server-side copy) like ABFS.
  WASB(CommitStyle.STAGE_AND_RENAME, false),
  OTHER(CommitStyle.STAGE_AND_RENAME, false);

  /** Way a copy makes a file appear under its final name only when it is whole. */
  public enum CommitStyle {
    /** Write to a staging name, then rename: the store renames atomically. */
    STAGE_AND_RENAME,
    /** Write to the final name: the store publishes an object only when its upload completes. */
    DIRECT
  }

  private final CommitStyle commitStyle;
  private final boolean modificationTimeSettable;

  StoreKind(CommitStyle commitStyle, boolean modificationTimeSettable) {
    this.commitStyle = commitStyle;
    this.modificationTimeSettable = modificationTimeSettable;
  }

  public CommitStyle commitStyle() {
    return commitStyle;
  }

  /**
   * Returns whether the store keeps folders as entries of their own, so that an empty folder can
   * exist. On S3, GCS and WASB a folder exists only through the objects below it.
   */
  public boolean hasFolders() {
    return this == LOCAL || this == HDFS || this == ABFS;
  }

  /** Returns whether {@code FileSystem.setTimes} keeps a modification time on this store. */
  public boolean modificationTimeSettable() {
    return modificationTimeSettable;
  }

  public static StoreKind forScheme(String scheme) {
    if (scheme == null) {
      return LOCAL;
    }
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "file" -> LOCAL;
      case "hdfs", "viewfs" -> HDFS;
      case "s3a", "s3", "s3n" -> S3;
      case "gs" -> GCS;
      case "abfs", "abfss" -> ABFS;
      case "wasb", "wasbs" -> WASB;
      default -> OTHER;
    };
  }
}
