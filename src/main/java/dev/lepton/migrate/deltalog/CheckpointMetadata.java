package dev.lepton.migrate.deltalog;

/**
 * A {@code checkpointMetadata} action, present once in every checkpoint in the V2 layout.
 *
 * @param version the table version the checkpoint contains
 */
public record CheckpointMetadata(long version) implements Action {

  public CheckpointMetadata {
    if (version < 0) {
      throw new IllegalArgumentException("checkpointMetadata has a negative version: " + version);
    }
  }
}
