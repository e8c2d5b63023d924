package dev.lepton.migrate.deltalog;

/**
 * A {@code sidecar} action of a V2 checkpoint: a Parquet file under {@code _delta_log/_sidecars}
 * that contains some of the checkpoint's add and remove actions.
 *
 * @param path the sidecar's URL-encoded path, usually its bare file name
 * @param sizeInBytes the sidecar's length in bytes
 * @param modificationTime when the sidecar was written, in milliseconds since the epoch
 */
public record Sidecar(String path, long sizeInBytes, long modificationTime) implements Action {

  public Sidecar {
    path = Actions.requirePath(path, "sidecar");
    if (sizeInBytes < 0) {
      throw new IllegalArgumentException("sidecar " + path + " has a negative size");
    }
  }
}
