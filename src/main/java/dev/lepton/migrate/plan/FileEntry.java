package dev.lepton.migrate.plan;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file found by a listing, named by its path relative to the listed root.
 *
 * @param relativePath the path below the target root; the path below the source root too, unless
 *     {@code renamedFrom} is set
 * @param etag the store's entity tag or generation, or null where the store has none
 * @param renamedFrom the path below the source root when {@code migration.copy.rename} gives the
 *     file another name on the target, else null
 */
public record FileEntry(String relativePath, long size, long modificationTime, String etag, String renamedFrom)
    implements Serializable {
  public FileEntry {
    Objects.requireNonNull(relativePath, "relativePath");
    if (relativePath.isEmpty() || relativePath.startsWith("/")) {
      throw new IllegalArgumentException("relative path must be non-empty and relative: " + relativePath);
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for " + relativePath);
    }
  }

  public FileEntry(String relativePath, long size, long modificationTime, String etag) {
    this(relativePath, size, modificationTime, etag, null);
  }

  /** Returns the path of this file below the source root. */
  public String sourcePath() {
    return renamedFrom == null ? relativePath : renamedFrom;
  }

  /** Returns this entry under another target path, remembering its source path. */
  public FileEntry renamedTo(String targetPath) {
    return targetPath.equals(relativePath) ? this
        : new FileEntry(targetPath, size, modificationTime, etag, sourcePath());
  }

  /**
   * Returns whether this file is unchanged compared with an earlier observation, without reading it:
   * same size and modification time, and the same etag when both observations have one.
   */
  public boolean sameIdentity(long otherSize, long otherModificationTime, String otherEtag) {
    if (size != otherSize || modificationTime != otherModificationTime) {
      return false;
    }
    return etag == null || otherEtag == null || etag.equals(otherEtag);
  }

  /** Returns the file name, the last segment of the relative path. */
  public String name() {
    return relativePath.substring(relativePath.lastIndexOf('/') + 1);
  }
}
