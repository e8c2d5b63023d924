package dev.lepton.migrate.deltalog;

import java.util.Locale;

/**
 * The protocol and metadata of a table at one version, without its file list.
 *
 * @param version the table version they apply to
 */
public record ProtocolAndMetadata(long version, Protocol protocol, Metadata metadata) {
  /** Table property that makes commit timestamps part of the commit, independent of file times. */
  public static final String IN_COMMIT_TIMESTAMPS = "delta.enableInCommitTimestamps";

  /** Table property that sets how long removed files stay before VACUUM may delete them. */
  public static final String DELETED_FILE_RETENTION = "delta.deletedFileRetentionDuration";

  public ProtocolAndMetadata {
    if (version < 0 || protocol == null || metadata == null) {
      throw new IllegalArgumentException("A table description needs a version, a protocol and metadata");
    }
  }

  /** Returns whether the table records commit timestamps inside its commits. */
  public boolean hasInCommitTimestamps() {
    String value = metadata.configuration().get(IN_COMMIT_TIMESTAMPS);
    String preview = metadata.configuration().get(IN_COMMIT_TIMESTAMPS + "-preview");
    return "true".equalsIgnoreCase(value == null ? "" : value.trim())
        || "true".equalsIgnoreCase(preview == null ? "" : preview.trim().toLowerCase(Locale.ROOT));
  }
}
