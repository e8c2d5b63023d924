package dev.lepton.migrate.deltalog;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code remove} action: the logical file {@code (path, deletionVector)} leaves the table at
 * this version and stays as a tombstone until VACUUM may delete it.
 *
 * @param path the file's path as written in the log, URL-encoded
 * @param partitionValues the partition values by column, empty when the writer left them out
 * @param size the file's length in bytes, if the writer recorded it
 * @param dataChange false when the action only rearranges data that stays in the table
 * @param deletionTimestamp when the removal happened, in milliseconds since the epoch, if recorded
 * @param deletionVector the deletion vector of the logical file being removed, if any
 */
public record RemoveFile(
    String path,
    Map<String, String> partitionValues,
    OptionalLong size,
    boolean dataChange,
    OptionalLong deletionTimestamp,
    Optional<DeletionVectorDescriptor> deletionVector)
    implements Action {

  public RemoveFile {
    path = Actions.requirePath(path, "remove");
    partitionValues = Actions.copyAllowingNulls(partitionValues);
    size = size == null ? OptionalLong.empty() : size;
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("remove of " + path + " has a negative size");
    }
    deletionTimestamp = deletionTimestamp == null ? OptionalLong.empty() : deletionTimestamp;
    deletionVector = deletionVector == null ? Optional.empty() : deletionVector;
  }
}
