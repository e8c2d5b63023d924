package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.TableShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncs with migration.sync.tables set, through the command line. */
class SyncConfiguredTablesTest {
  private static final List<String> RAW_FILES = List.of("raw/a.csv", "raw/b.csv", "raw/nested/c.json");

  @TempDir static Path dir;
  private static Path lake;

  @BeforeAll
  static void writeLake() throws IOException {
    lake = dir.resolve("lake");
    TableShapes.append(lake.resolve("events"), 0, 10, 1);
    TableShapes.append(lake.resolve("deep/er/orders"), 0, 10, 1);
    for (String file : RAW_FILES) {
      Files.createDirectories(lake.resolve(file).getParent());
      Files.writeString(lake.resolve(file), "content of " + file + "\n");
    }
  }

  private static Cli.Result sync(Path target, String... sets) {
    List<String> args = new java.util.ArrayList<>(List.of("sync", "--source", lake.toString(), "--target",
        target.toString()));
    for (String set : sets) {
      args.addAll(List.of("--set", set));
    }
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void missingTablesExitBeforeWriting() {
    Path target = dir.resolve("target-of-bad-entries");

    Cli.Result result = sync(target, "migration.sync.tables=[\"sales/orders\", \"raw\", \"events\"]");

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("ERROR: Cannot sync the tables of migration.sync.tables: 2 of the 3 entries"
        + " are not Delta tables below the source file:" + lake + ".");
    assertThat(result.err()).contains("'sales/orders': file:" + lake.resolve("sales/orders") + " does not exist");
    assertThat(result.err()).contains("'raw': file:" + lake.resolve("raw") + " contains no _delta_log folder, so it"
        + " is not a Delta table");
    assertThat(result.err()).contains("Delta tables found below the source: 'deep/er/orders', 'events'.");
    assertThat(result.err()).doesNotContain("The job failed");
    assertThat(result.out()).doesNotContain("copied");
    assertThat(target).doesNotExist();
  }

  @Test
  void deepTableSkipsListingDiff() throws IOException {
    Path target = dir.resolve("target-of-deep-table");

    // Discovery reads two levels: it finds 'events' and leaves 'deep/er' unread.
    Cli.Result result = sync(target, "migration.sync.tables=[\"deep/er/orders\"]",
        "migration.sync.discovery-max-depth=1");

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(result.out()).containsPattern("deep/er/orders\\s+synced\\s+0");
    JsonNode folders = new ObjectMapper().readTree(target.resolve("_lepton/reports/"
        + StateTables.latestRunId(target) + ".json").toFile()).path("folders");
    long listedByDiff = folders.path("files_to_copy").asLong() + folders.path("files_unchanged").asLong();
    assertThat(listedByDiff).as("files synced by listing diff").isEqualTo(RAW_FILES.size());
    for (String file : RAW_FILES) {
      assertThat(target.resolve(file)).hasSameTextualContentAs(lake.resolve(file));
    }
    assertThat(target.resolve("events")).doesNotExist();
  }
}
