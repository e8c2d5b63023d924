package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.store.Location;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks the tables of {@code migration.sync.tables} against the source before a sync writes
 * anything: each entry must be a folder below the source root that contains a {@code _delta_log}
 * folder. A table deeper than discovery reads still passes, because the check reads each entry's
 * own folder.
 */
public final class ConfiguredTables {
  /** How many of the tables that discovery found an error names as examples. */
  static final int MAX_EXAMPLES = 5;

  private ConfiguredTables() {}

  /**
   * Returns the configured tables without duplicates, in their configured order. Call it before the
   * sync's first write, because its error states that nothing was written.
   *
   * @param discovered the tables discovery found below the root, named in the error as examples
   * @param discoveryMaxDepth the depth discovery read to, named in the error when it found none
   * @throws InvalidInputException naming every entry that is not a Delta table, with the reason
   */
  public static List<String> check(FileSystem fs, Location root, List<String> configured, List<String> discovered,
      int discoveryMaxDepth) {
    List<String> tables = List.copyOf(new LinkedHashSet<>(configured));
    List<String> problems = new ArrayList<>();
    for (String table : tables) {
      problem(fs, root, table).ifPresent(reason -> problems.add("'" + name(table) + "': " + reason));
    }
    if (problems.isEmpty()) {
      return tables;
    }
    throw new InvalidInputException("Cannot sync the tables of migration.sync.tables: " + problems.size() + " of the "
        + tables.size() + " entries are not Delta tables below the source " + root + ".\n  "
        + String.join("\n  ", problems) + "\n" + found(discovered, discoveryMaxDepth) + " Nothing was written."
        + " Correct or remove these entries, or set migration.sync.tables = [] to sync every table found.");
  }

  /** Returns why {@code table} is not a Delta table below {@code root}, or empty when it is one. */
  private static Optional<String> problem(FileSystem fs, Location root, String table) {
    Path folder = root.resolve(table);
    Optional<FileStatus> status = statusIfPresent(fs, folder);
    if (status.isEmpty()) {
      return Optional.of(folder + " does not exist");
    }
    if (!status.get().isDirectory()) {
      return Optional.of(folder + " is a file, not a folder");
    }
    if (!TableDiscovery.isTable(fs, root, table)) {
      return Optional.of(folder + " contains no _delta_log folder, so it is not a Delta table");
    }
    return Optional.empty();
  }

  private static String found(List<String> discovered, int discoveryMaxDepth) {
    if (discovered.isEmpty()) {
      return "Discovery found no Delta tables below the source within migration.sync.discovery-max-depth = "
          + discoveryMaxDepth + " folder levels.";
    }
    List<String> examples = discovered.stream().limit(MAX_EXAMPLES).map(t -> "'" + name(t) + "'").toList();
    int more = discovered.size() - examples.size();
    return "Delta tables found below the source: " + String.join(", ", examples)
        + (more > 0 ? " and " + more + " more." : ".");
  }

  private static String name(String table) {
    return table.isEmpty() ? "." : table;
  }

  private static Optional<FileStatus> statusIfPresent(FileSystem fs, Path path) {
    try {
      return Optional.of(fs.getFileStatus(path));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
