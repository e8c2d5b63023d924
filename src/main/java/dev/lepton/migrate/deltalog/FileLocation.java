package dev.lepton.migrate.deltalog;

import org.apache.hadoop.fs.Path;

/**
 * A decoded file path from the log: relative to the table root, or absolute with its scheme.
 *
 * @param path the decoded path, without URL escapes
 * @param anchor whether {@code path} is relative to the table root or absolute
 */
public record FileLocation(String path, Anchor anchor) {

  /** The base a path resolves against. */
  public enum Anchor {
    /** The path is relative to the table root, such as {@code year=2024/part-0.parquet}. */
    TABLE_ROOT,
    /** The path is absolute, such as {@code s3a://bucket/elsewhere/part-0.parquet}. */
    ABSOLUTE
  }

  public FileLocation {
    if (path == null || path.isEmpty() || anchor == null) {
      throw new IllegalArgumentException("A file location needs a path and an anchor");
    }
  }

  static FileLocation relative(String path) {
    return new FileLocation(path, Anchor.TABLE_ROOT);
  }

  static FileLocation absolute(String path) {
    return new FileLocation(path, Anchor.ABSOLUTE);
  }

  public boolean isAbsolute() {
    return anchor == Anchor.ABSOLUTE;
  }

  /** Returns the Hadoop path of this location, resolving a relative one against {@code root}. */
  public Path resolve(Path root) {
    if (isAbsolute()) {
      return new Path(path);
    }
    // The three-argument constructor keeps a colon in a file name from being read as a scheme.
    return new Path(root, new Path(null, null, path));
  }
}
