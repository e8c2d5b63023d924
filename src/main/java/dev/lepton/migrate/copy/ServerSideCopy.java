package dev.lepton.migrate.copy;

import java.io.IOException;
import org.apache.hadoop.fs.Path;

/** Copies an object inside its store, without the bytes passing through the job. */
interface ServerSideCopy {
  /**
   * Copies {@code source}, of {@code size} bytes, to {@code target}, only if the source still has
   * the etag the plan saw.
   *
   * @throws java.io.FileNotFoundException when the source is gone or changed since it was listed
   */
  void copy(Path source, Path target, long size, String sourceEtag) throws IOException;
}
