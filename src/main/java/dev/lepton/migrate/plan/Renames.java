package dev.lepton.migrate.plan;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Target names for source paths that the target store cannot hold ({@code migration.copy.rename}).
 * A key is a relative source path: it renames the file with that path, or, as a folder, every file
 * below it. The longest matching key wins.
 */
public final class Renames implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Renames NONE = new Renames(Map.of());

  private final Map<String, String> byLongestKey;

  public Renames(Map<String, String> renames) {
    Map<String, String> ordered = new LinkedHashMap<>();
    List<String> keys = renames.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .toList();
    for (String key : keys) {
      ordered.put(strip(key), strip(renames.get(key)));
    }
    this.byLongestKey = ordered;
  }

  private static String strip(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  public boolean isEmpty() {
    return byLongestKey.isEmpty();
  }

  /** Returns the target path of a source file. */
  public String targetPathOf(String sourcePath) {
    for (Map.Entry<String, String> rename : byLongestKey.entrySet()) {
      String from = rename.getKey();
      if (sourcePath.equals(from)) {
        return rename.getValue();
      }
      if (sourcePath.startsWith(from + "/")) {
        return rename.getValue() + sourcePath.substring(from.length());
      }
    }
    return sourcePath;
  }

  /** Returns the entry under its target path. */
  public FileEntry apply(FileEntry entry) {
    return entry.renamedTo(targetPathOf(entry.relativePath()));
  }
}
