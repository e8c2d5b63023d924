package dev.lepton.migrate.plan;

import dev.lepton.migrate.copy.ConflictPolicy;

/**
 * Decides what to do with one source file from its latest manifest row and the file found at the
 * target path, without reading either file.
 */
public final class Differ implements java.io.Serializable {
  /** Way a change is detected in a source file that the manifest records. */
  public enum ChangeDetection {
    /** A different size, modification time or etag means the file changed. */
    IDENTITY,
    /**
     * A different size means the file changed; a different modification time or etag alone sends it
     * to {@link FileAction#RECHECK}, which compares checksums before copying.
     */
    IDENTITY_THEN_CHECKSUM
  }

  private final ConflictPolicy conflictPolicy;
  private final ChangeDetection changeDetection;

  public Differ(ConflictPolicy conflictPolicy) {
    this(conflictPolicy, ChangeDetection.IDENTITY);
  }

  public Differ(ConflictPolicy conflictPolicy, ChangeDetection changeDetection) {
    this.conflictPolicy = conflictPolicy;
    this.changeDetection = changeDetection;
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
      boolean sameSize = previous.size() == source.size() && targetSize == source.size();
      if (changeDetection == ChangeDetection.IDENTITY_THEN_CHECKSUM && sameSize && previous.sourceChecksum() != null) {
        return new PlannedFile(source, FileAction.RECHECK,
            "source modification time or etag changed; copied only if its checksum changed", previous, targetSize);
      }
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
