package dev.lepton.migrate.deltalog;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code add} action: a data file, with an optional deletion vector, that is part of the table
 * from this version on.
 *
 * @param path the file's path as written in the log: URL-encoded, relative to the table root or
 *     an absolute URI
 * @param partitionValues the partition values by column; a null value is a null partition value
 * @param size the file's length in bytes
 * @param modificationTime the file's creation time in milliseconds since the epoch
 * @param dataChange false when the action only rearranges data that is already in the table
 * @param deletionVector the rows of the file that are deleted, if any
 */
public record AddFile(
    String path,
    Map<String, String> partitionValues,
    long size,
    long modificationTime,
    boolean dataChange,
    Optional<DeletionVectorDescriptor> deletionVector)
    implements Action {

  public AddFile {
    path = Actions.requirePath(path, "add");
    partitionValues = Actions.copyAllowingNulls(partitionValues);
    if (size < 0) {
      throw new IllegalArgumentException("add of " + path + " has a negative size: " + size);
    }
    deletionVector = deletionVector == null ? Optional.empty() : deletionVector;
  }
}
