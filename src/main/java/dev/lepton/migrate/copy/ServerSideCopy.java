package dev.lepton.migrate.copy;

import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.store.StoreChecksum;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * Copies an object inside its store, without the bytes passing through the job. The caller then
 * reads the target back once: the checksum of those bytes must equal the one the store holds for
 * the source, which the store computed when the source was written.
 */
interface ServerSideCopy {
  /** Returns whether this file can be copied inside the store and checked afterwards. */
  boolean accepts(FileEntry source);

  /**
   * Copies {@code source} to {@code target}, only if the source is still the object the plan saw.
   *
   * @return the store's checksum of the source bytes, which the target's bytes must match
   * @throws java.io.FileNotFoundException when the source is gone or changed since it was listed
   */
  StoreChecksum.Available copy(Path source, Path target, FileEntry planned) throws IOException;

  /** Returns the description of the check for the manifest's {@code store_checks} column. */
  String checkDescription();
}
