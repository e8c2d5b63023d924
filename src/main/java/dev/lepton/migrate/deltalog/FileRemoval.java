package dev.lepton.migrate.deltalog;

/**
 * A physical file that a commit's {@code remove} action took out of the table.
 *
 * @param path the decoded path relative to the table root
 * @param version the version of the commit that removed it
 * @param removedAtMillis when it was removed: the action's deletion timestamp, else its commit's
 *     timestamp, else the time the sync first read the removal
 */
public record FileRemoval(String path, long version, long removedAtMillis) {
  public FileRemoval {
    if (path == null || path.isEmpty() || path.startsWith("/") || version < 0) {
      throw new IllegalArgumentException("A removal needs a relative path and a version: " + path);
    }
  }
}
