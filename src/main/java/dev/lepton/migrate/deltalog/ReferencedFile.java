package dev.lepton.migrate.deltalog;

import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;

/**
 * A file that a copy of a Delta table needs, with the first version that references it.
 *
 * @param location the decoded path, relative to the table root or absolute
 * @param kind what the file is to the table
 * @param version the first table version that references the file; for a log compaction, the
 *     last version it covers
 * @param size the file's length in bytes when the log or the listing records it. It is empty for
 *     deletion vector files, because a descriptor only gives the length of one vector.
 */
public record ReferencedFile(FileLocation location, Kind kind, long version, OptionalLong size) {

  /** The role of a referenced file in the table. */
  public enum Kind {
    /** A data file named by an {@code add} action. */
    DATA,
    /** A deletion vector file named by the descriptor of an {@code add} action. */
    DELETION_VECTOR,
    /** A change data file named by a {@code cdc} action, usually under {@code _change_data}. */
    CHANGE_DATA,
    /** A commit file under {@code _delta_log}. */
    COMMIT,
    /** A version checksum file, {@code N.crc}, under {@code _delta_log}. */
    VERSION_CHECKSUM,
    /** A sidecar of a V2 checkpoint, under {@code _delta_log/_sidecars}. */
    SIDECAR,
    /** A checkpoint file or checkpoint part under {@code _delta_log}. */
    CHECKPOINT,
    /** A log compaction file, {@code X.Y.compacted.json}, under {@code _delta_log}. */
    LOG_COMPACTION
  }

  public ReferencedFile {
    if (location == null || kind == null || version < 0) {
      throw new IllegalArgumentException("A referenced file needs a location, a kind and a version");
    }
    size = size == null ? OptionalLong.empty() : size;
  }

  /** Returns the file's Hadoop path, resolving a relative location against {@code tableRoot}. */
  public Path resolve(Path tableRoot) {
    return location.resolve(tableRoot);
  }

  /** Returns whether the file lives under {@code _delta_log}. */
  public boolean isLogFile() {
    return kind.compareTo(Kind.COMMIT) >= 0;
  }
}
