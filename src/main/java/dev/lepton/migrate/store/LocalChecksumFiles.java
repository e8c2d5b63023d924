package dev.lepton.migrate.store;

import java.io.IOException;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Removes the hidden {@code .NAME.crc} files that Hadoop's checksummed local file system writes
 * beside each file. The job writes local targets through the raw file system, which neither writes
 * nor deletes them. Spark and Delta read through the checksummed one, which checks every read
 * against such a file when it exists. A file the job replaces or deletes must therefore lose its
 * sidecar too, or every later read of the new bytes fails with a ChecksumException.
 */
public final class LocalChecksumFiles {
  private LocalChecksumFiles() {}

  /** Deletes the sidecar of {@code file} on a local file system; does nothing elsewhere. */
  public static void dropSidecar(FileSystem fs, Path file) throws IOException {
    Path parent = file.getParent();
    if (parent == null) {
      return;
    }
    // Built from a path without scheme, so a name with ':' is not read as a URI scheme.
    Path sidecar = new Path(parent, new Path(null, null, "." + file.getName() + ".crc"));
    if (fs instanceof ChecksumFileSystem checksummed) {
      checksummed.getRawFileSystem().delete(sidecar, false);
    } else if (fs instanceof RawLocalFileSystem) {
      fs.delete(sidecar, false);
    }
  }

  /** Deletes {@code file} and, on a local file system, its sidecar. */
  public static boolean delete(FileSystem fs, Path file) throws IOException {
    boolean deleted = fs.delete(file, false);
    dropSidecar(fs, file);
    return deleted;
  }
}
