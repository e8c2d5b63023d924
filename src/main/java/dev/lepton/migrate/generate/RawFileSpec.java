package dev.lepton.migrate.generate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One raw file to write.
 *
 * @param relativePath path below the raw folder, with {@code /} between names and no leading slash
 * @param kind the content
 * @param plannedBytes size to aim for. A planned size of 0 gives an empty file. Otherwise binary
 *     files get exactly this size, and text files get their header, one record line, and then the
 *     further whole lines that fit, so a small text file can exceed its planned size by a line
 * @param contentSeed seed of the file's content
 */
record RawFileSpec(String relativePath, RawFileKind kind, long plannedBytes, long contentSeed)
    implements Serializable {

  RawFileSpec {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(kind, "kind");
    if (relativePath.startsWith("/") || Arrays.asList(relativePath.split("/", -1)).contains("")) {
      throw new IllegalArgumentException(
          "Raw file path must be relative with no empty names: '" + relativePath + "'");
    }
    if (relativePath.contains(":")) {
      // Hadoop's Path parses the text before a colon as a URI scheme.
      throw new IllegalArgumentException("Raw file path must not contain ':': " + relativePath);
    }
    if (plannedBytes < 0) {
      throw new IllegalArgumentException(
          "Planned size of raw file " + relativePath + " is negative: " + plannedBytes);
    }
  }

  List<String> names() {
    return List.of(relativePath.split("/"));
  }
}
