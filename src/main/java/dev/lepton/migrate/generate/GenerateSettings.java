package dev.lepton.migrate.generate;

import dev.lepton.migrate.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Settings of one {@code generate} run.
 *
 * @param scaleFactor TPC-H scale factor, greater than 0 and at most 1000. Scale factor 1 is about
 *     8.7 million rows in all
 * @param tables TPC-H table names, case-insensitive, where an empty list means all eight. The
 *     record stores them lower-cased, without duplicates, smallest table first (region, nation,
 *     supplier, customer, part, partsupp, orders, lineitem)
 * @param rawFiles whether to write the raw file tree under {@code raw/}
 * @param rawBytes approximate total size in bytes of the raw files of mixed sizes
 * @param largeFileBytes size in bytes of one extra large raw file, written on top of {@code
 *     rawBytes}. 0 writes none
 * @param seed seed of the raw file tree. The same seed and sizes give byte-identical files
 */
public record GenerateSettings(
    double scaleFactor,
    List<String> tables,
    boolean rawFiles,
    long rawBytes,
    long largeFileBytes,
    long seed) {

  static final double MAX_SCALE_FACTOR = 1000;

  public GenerateSettings {
    if (!(scaleFactor > 0 && scaleFactor <= MAX_SCALE_FACTOR)) {
      throw invalid(
          "scale factor " + scaleFactor + " is out of range",
          "Use a value greater than 0 and at most 1000, for example 0.01 or 1");
    }
    tables = normalizeTables(tables);
    if (rawBytes < 0) {
      throw invalid(
          "raw bytes " + rawBytes + " is negative", "Use 0 or a positive number of bytes");
    }
    if (largeFileBytes < 0) {
      throw invalid(
          "large file bytes " + largeFileBytes + " is negative",
          "Use 0 for no large file, or a positive number of bytes");
    }
  }

  private static List<String> normalizeTables(List<String> requested) {
    if (requested == null) {
      throw invalid("the table list is null", "Pass an empty list to generate all eight tables");
    }
    List<String> known = TpchTableLayout.tableNames();
    if (requested.isEmpty()) {
      return known;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : requested) {
      String normalized = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
      if (!known.contains(normalized)) {
        throw invalid(
            "unknown TPC-H table '" + name + "'", "Use one or more of " + String.join(", ", known));
      }
      wanted.add(normalized);
    }
    List<String> ordered = new ArrayList<>(known);
    ordered.retainAll(wanted);
    return List.copyOf(ordered);
  }

  private static InvalidInputException invalid(String reason, String fix) {
    return new InvalidInputException("Cannot generate sample data: " + reason + ". " + fix + ".");
  }
}
