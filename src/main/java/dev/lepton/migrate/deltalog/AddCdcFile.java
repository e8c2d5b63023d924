package dev.lepton.migrate.deltalog;

import java.util.Map;

/**
 * A {@code cdc} action: a change data file, usually under {@code _change_data}, that contains
 * the row changes of this version for change data feed readers.
 *
 * @param path the file's path as written in the log, URL-encoded
 * @param partitionValues the partition values by column; a null value is a null partition value
 * @param size the file's length in bytes
 * @param dataChange always false for writers that follow the protocol
 */
public record AddCdcFile(
    String path, Map<String, String> partitionValues, long size, boolean dataChange)
    implements Action {

  public AddCdcFile {
    path = Actions.requirePath(path, "cdc");
    partitionValues = Actions.copyAllowingNulls(partitionValues);
    if (size < 0) {
      throw new IllegalArgumentException("cdc of " + path + " has a negative size: " + size);
    }
  }
}
