package dev.lepton.migrate.store;

import dev.lepton.migrate.InvalidInputException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

/** Opens Hadoop file systems for locations, wrapping connector errors once with the location. */
public final class Stores {
  private Stores() {}

  /**
   * Opens the file system of a location. For local files this is a raw local file system ({@link
   * LocalFiles}): the checksummed one names a hidden {@code .NAME.crc} file for every file it reads,
   * renames or deletes, and fails with a URISyntaxException on names that contain ':'.
   */
  public static FileSystem fileSystem(Location location, Configuration conf) {
    try {
      FileSystem fs = FileSystem.get(location.uri(), conf);
      // Only the stock class: a subclass configured as fs.file.impl keeps its own behaviour.
      if (fs.getClass() == LocalFileSystem.class) {
        return LocalFiles.rawFor((LocalFileSystem) fs);
      }
      return fs;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "Cannot open the file system for " + location + ": " + e.getMessage() + ". Check the URI"
              + " scheme and the connector settings (--conf spark.hadoop.fs.SCHEME.*).", e);
    }
  }

  /**
   * Opens a file system for writing. Hadoop's local file system would write a hidden
   * {@code .NAME.crc} file beside every file; the job checks content with its own checksums, so the
   * target stays free of them.
   */
  public static FileSystem targetFileSystem(Location location, Configuration conf) {
    FileSystem fs = fileSystem(location, conf);
    if (fs instanceof org.apache.hadoop.fs.ChecksumFileSystem) {
      fs.setWriteChecksum(false);
    }
    return fs;
  }

  /**
   * Opens a new, uncached file system for writing, so settings changed for this run take effect;
   * the caller closes it.
   */
  public static FileSystem newTargetInstance(Location location, Configuration conf) {
    try {
      FileSystem fs = FileSystem.newInstance(location.uri(), conf);
      if (fs.getClass() == LocalFileSystem.class) {
        // As in fileSystem: the raw local file system, which handles ':' in names.
        fs.close();
        return LocalFiles.open(conf);
      }
      if (fs instanceof org.apache.hadoop.fs.ChecksumFileSystem) {
        fs.setWriteChecksum(false);
      }
      return fs;
    } catch (IOException e) {
      throw new InvalidInputException(
          "Cannot open the file system for " + location + ": " + e.getMessage() + ". Check the URI"
              + " scheme and the connector settings (--conf spark.hadoop.fs.SCHEME.*).", e);
    }
  }

  /** Returns the entity tag of a status where the connector reports one, else null. */
  public static String etagOf(FileStatus status) {
    if (status instanceof EtagSource source) {
      String etag = source.getEtag();
      if (etag != null && !etag.isEmpty()) {
        // Hadoop 3.3 strips the quotes from S3 etags and 3.4 keeps them; compare without.
        return etag.replace("\"", "");
      }
    }
    return null;
  }
}
