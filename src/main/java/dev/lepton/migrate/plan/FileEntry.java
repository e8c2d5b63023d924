package dev.lepton.migrate.plan;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file found by a listing, named by its path relative to the listed root.
 *
 * @param etag the store's entity tag or generation, or null where the store has none
 */
public record FileEntry(String relativePath, long size, long modificationTime, String etag)
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
