package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.StateTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syncs each Delta table that other Delta writers wrote, from the folder named by {@code
 * -Dlepton.delta.golden=FOLDER}, and checks that the target reads the same as the source at every
 * version the source can read. Skipped when the property is unset.
 */
class GoldenTablesSyncTest {
  private static final String NOT_CONFIGURED = "golden tables not configured";
  private static final Path GOLDEN = goldenFolder();

  @TempDir Path dir;

  @BeforeEach
  void requireGoldenTables() {
    assumeTrue(GOLDEN != null, "Golden tables are not configured: run with -Dlepton.delta.golden=FOLDER"
        + " (an existing folder) to sync them.");
  }

  private static Path goldenFolder() {
    String folder = System.getProperty("lepton.delta.golden", "");
    return folder.isBlank() || !Files.isDirectory(Path.of(folder)) ? null : Path.of(folder);
  }

  static Stream<String> tables() throws IOException {
    if (GOLDEN == null) {
      return Stream.of(NOT_CONFIGURED);
    }
    try (Stream<Path> children = Files.list(GOLDEN)) {
      List<String> names = children.filter(d -> Files.isDirectory(d.resolve("_delta_log")))
          .map(d -> d.getFileName().toString()).sorted().toList();
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void syncedTableReadsTheSame(String table) throws IOException {
    Path source = GOLDEN.resolve(table);
    Path target = dir.resolve(table);

    Cli.Result result = Cli.run("sync", "--source", source.toString(), "--target", target.toString());

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).as(table).isPositive();
    JsonNode report = new ObjectMapper().readTree(
        target.resolve("_lepton/reports/" + StateTables.latestRunId(target) + ".json").toFile());
    JsonNode entry = report.path("tables").get(0);
    assertThat(entry.path("outcome").asText()).isEqualTo("synced");
    long missing = entry.path("missing_files").asLong();
    switch (table) {
      case "log-replay-special-characters-a" -> {
        assertThat(missing).isEqualTo(1);
        assertThat(result.out()).contains("1 files that only versions up to 0 need are missing on the source");
        assertThat(StateTables.manifest(target).filter("status = 'missing'").select("path")
            .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactly("special p@#h");
      }
      case "snapshot-vacuumed" -> assertThat(missing).isEqualTo(9);
      default -> assertThat(missing).as(table).isZero();
    }

    Cli.Result again = Cli.run("sync", "--source", source.toString(), "--target", target.toString());

    assertThat(again.code()).isEqualTo(ExitCode.SUCCESS);
    assertThat(again.out()).containsPattern("\\.\\s+up to date\\s+none\\s+0\\s");
  }
}
