package dev.lepton.migrate.plan;

import java.io.Serializable;
import java.util.Objects;

/**
 * One source file with the action decided for it.
 *
 * @param previous the file's latest manifest row, or null when the manifest does not know it
 * @param targetSize size of the file found at the target path, or -1 when there is none
 * @param reason why the action was chosen, in words for the console and the manifest
 */
public record PlannedFile(
    FileEntry source, FileAction action, String reason, ManifestState previous, long targetSize)
    implements Serializable {
  public PlannedFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }

  public String relativePath() {
    return source.relativePath();
  }

  /** Returns whether the target path already contains a file that this job wrote. */
  public boolean targetIsOurs() {
    return previous != null;
  }
}
