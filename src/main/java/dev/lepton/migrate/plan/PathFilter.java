package dev.lepton.migrate.plan;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which relative paths a listing keeps: the include and exclude globs of the config, minus
 * the job's own folders, Hadoop's {@code _temporary} folders and the hidden {@code .NAME.crc} files
 * that Hadoop's local file system writes beside each file. Checksum files inside {@code _delta_log}
 * ({@code 00000000000000000001.crc}) are kept: they are part of a Delta table.
 */
public final class PathFilter implements Serializable {
  private static final Pattern HADOOP_CRC_SIDECAR = Pattern.compile("^\\..+\\.crc$");

  private final List<Pattern> includes;
  private final List<Pattern> excludes;
  private final List<String> skippedFolders;

  /**
   * @param skippedFolders relative folders to leave out entirely, for example the state folder when
   *     it lies under the listed root
   */
  public PathFilter(List<String> includeGlobs, List<String> excludeGlobs, List<String> skippedFolders) {
    this.includes = includeGlobs.stream().map(Globs::toPattern).toList();
    this.excludes = excludeGlobs.stream().map(Globs::toPattern).toList();
    this.skippedFolders = List.copyOf(skippedFolders);
  }

  /** Returns whether a folder's content can hold kept files, so the listing may prune it. */
  public boolean mayDescend(String relativeFolder) {
    String name = relativeFolder.substring(relativeFolder.lastIndexOf('/') + 1);
    return !name.equals("_temporary") && !isSkippedFolder(relativeFolder);
  }

  public boolean accepts(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    if (HADOOP_CRC_SIDECAR.matcher(name).matches()) {
      return false;
    }
    if (relativePath.startsWith("_temporary/") || relativePath.contains("/_temporary/")) {
      return false;
    }
    if (isSkippedFolder(relativePath)) {
      return false;
    }
    if (!includes.isEmpty() && includes.stream().noneMatch(p -> Globs.matches(p, relativePath))) {
      return false;
    }
    return excludes.stream().noneMatch(p -> Globs.matches(p, relativePath));
  }

  private boolean isSkippedFolder(String relativePath) {
    for (String folder : skippedFolders) {
      if (relativePath.equals(folder) || relativePath.startsWith(folder + "/")) {
        return true;
      }
    }
    return false;
  }
}
