package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.store.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking migration.sync.tables against the source, on folders that only look like tables. */
class ConfiguredTablesTest {
  @TempDir Path dir;
  private FileSystem fs;
  private Location root;

  @BeforeEach
  void writeSource() throws IOException {
    Files.createDirectories(dir.resolve("events/_delta_log"));
    Files.createDirectories(dir.resolve("deep/er/still/orders/_delta_log"));
    Files.createDirectories(dir.resolve("raw"));
    Files.writeString(dir.resolve("raw/a.csv"), "a\n");
    Files.writeString(dir.resolve("notes.txt"), "n\n");
    Files.createDirectories(dir.resolve("broken"));
    Files.writeString(dir.resolve("broken/_delta_log"), "not a folder\n");
    fs = FileSystem.getLocal(new Configuration()).getRaw();
    root = Location.parse(dir.toString(), "migration.source");
  }

  @Test
  void tablesBelowDiscoveryDepthPass() {
    List<String> tables = ConfiguredTables.check(fs, root, List.of("events", "deep/er/still/orders"),
        List.of("events"), 1);

    assertThat(tables).containsExactly("events", "deep/er/still/orders");
  }

  @Test
  void duplicatesAreDropped() {
    List<String> tables = ConfiguredTables.check(fs, root, List.of("events", "events"), List.of("events"), 8);

    assertThat(tables).containsExactly("events");
  }

  @Test
  void everyBadEntryIsNamedWithItsReason() {
    List<String> configured = List.of("events", "sales/orders", "raw", "notes.txt", "broken");

    assertThatThrownBy(() -> ConfiguredTables.check(fs, root, configured, List.of("events"), 8))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Cannot sync the tables of migration.sync.tables: 4 of the 5 entries are not Delta tables below"
            + " the source " + root + ".\n"
            + "  'sales/orders': " + root.resolve("sales/orders") + " does not exist\n"
            + "  'raw': " + root.resolve("raw") + " contains no _delta_log folder, so it is not a Delta table\n"
            + "  'notes.txt': " + root.resolve("notes.txt") + " is a file, not a folder\n"
            + "  'broken': " + root.resolve("broken") + " contains no _delta_log folder, so it is not a Delta table\n"
            + "Delta tables found below the source: 'events'. Nothing was written. Correct or remove these entries,"
            + " or set migration.sync.tables = [] to sync every table found.");
  }

  @Test
  void errorNamesAFewFoundTables() {
    List<String> found = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7");

    assertThatThrownBy(() -> ConfiguredTables.check(fs, root, List.of("sales"), found, 8))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Delta tables found below the source: 't1', 't2', 't3', 't4', 't5' and 2 more.");
  }

  @Test
  void errorSaysWhenDiscoveryFoundNoTables() {
    assertThatThrownBy(() -> ConfiguredTables.check(fs, root, List.of(""), List.of(), 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'.': " + root + " contains no _delta_log folder")
        .hasMessageContaining("Discovery found no Delta tables below the source within"
            + " migration.sync.discovery-max-depth = 3 folder levels.");
  }
}
