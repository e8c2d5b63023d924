package dev.lepton.migrate.plan;

import dev.lepton.migrate.copy.ConflictPolicy;

/**
 * Decides what to do with one source file from its latest manifest row and the file found at the
 * target path, without reading either file.
 */
public final class Differ implements java.io.Serializable {
  private final ConflictPolicy conflictPolicy;

  public Differ(ConflictPolicy conflictPolicy) {
    this.conflictPolicy = conflictPolicy;
  }

  /**
   * @param previous latest manifest row for the path, or null
   * @param target the file at the target path, or null when there is none
   */
  public PlannedFile decide(FileEntry source, ManifestState previous, FileEntry target) {
    long targetSize = target == null ? -1 : target.size();
    if (previous != null) {
      return decideKnown(source, previous, target, targetSize);
    }
    if (target == null) {
      return new PlannedFile(source, FileAction.COPY, "new file", null, targetSize);
    }
    if (target.size() == source.size()) {
      return new PlannedFile(
          source, FileAction.ADOPT, "target file of the same size not in the manifest", null, targetSize);
    }
    if (conflictPolicy == ConflictPolicy.OVERWRITE) {
      return new PlannedFile(
          source, FileAction.COPY, "overwriting a different target file", null, targetSize);
    }
    return new PlannedFile(
        source,
        FileAction.CONFLICT,
        "target file has " + target.size() + " bytes, source " + source.size(),
        null,
        targetSize);
  }

  private PlannedFile decideKnown(
      FileEntry source, ManifestState previous, FileEntry target, long targetSize) {
    if (!previous.isGoodCopy()) {
      return new PlannedFile(source, FileAction.COPY, "previous status " + previous.status(), previous, targetSize);
    }
    if (!source.sameIdentity(previous.size(), previous.modificationTime(), previous.etag())) {
      return new PlannedFile(source, FileAction.COPY, "source changed", previous, targetSize);
    }
    if (target == null) {
      return new PlannedFile(source, FileAction.COPY, "target file missing", previous, targetSize);
    }
    if (target.size() != source.size()) {
      return new PlannedFile(source, FileAction.COPY, "target size changed", previous, targetSize);
    }
    return new PlannedFile(source, FileAction.SKIP, "unchanged", previous, targetSize);
  }
}
