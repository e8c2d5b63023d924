package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.TableShapes;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs one lake of Delta tables of every shape plus a folder of raw files through the command line,
 * then syncs again after new commits, right after, after raw file changes, and with a locked table.
 * The steps share the lake and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndTest {
  /** Table folders below the lake root, with the shape each one has. */
  private static final Map<String, java.util.function.Consumer<Path>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("appends", TableShapes::appendsAndOverwrite);
    TABLES.put("merge", TableShapes::merge);
    TABLES.put("deletion vectors", TableShapes::deletionVectors);
    TABLES.put("mapping/by name", p -> TableShapes.columnMapping(p, "name"));
    TABLES.put("mapping/by id", p -> TableShapes.columnMapping(p, "id"));
    TABLES.put("optimized", TableShapes::optimize);
    TABLES.put("checkpoints/multi-part", TableShapes::multiPartCheckpoints);
    TABLES.put("checkpoints/v2", TableShapes::v2Checkpoints);
    TABLES.put("cleaned", TableShapes::logCleanedUp);
    TABLES.put("vacuumed", TableShapes::vacuumed);
    TABLES.put("cdf", TableShapes::changeDataFeed);
    TABLES.put("deep/er/partitions", TableShapes::awkwardPartitions);
  }

  @TempDir static Path dir;
  private static Path lake;
  private static Path target;

  @BeforeAll
  static void writeLake() throws IOException {
    lake = dir.resolve("lake");
    target = dir.resolve("lake-copy");
    TABLES.forEach((name, shape) -> shape.accept(lake.resolve(name)));
    Trees.writeAwkwardTree(lake.resolve("raw"), 17);
  }

  private static Cli.Result sync(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("sync", "--source", lake.toString(), "--target",
        target.toString(), "--set", "migration.sync.parallel-tables=3"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void firstSyncMakesEveryTableReadTheSameAtEveryVersion() throws IOException {
    Cli.Result result = sync();

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.SUCCESS);
    for (String table : TABLES.keySet()) {
      assertThat(DeltaVersions.assertSameAtEveryReadableVersion(lake.resolve(table), target.resolve(table)))
          .as("versions compared of %s", table).isPositive();
    }
    assertThat(DeltaVersions.changes(target.resolve("cdf"), 1, 3))
        .isEqualTo(DeltaVersions.changes(lake.resolve("cdf"), 1, 3)).isNotEmpty();
    assertThat(history(target.resolve("merge"))).isEqualTo(history(lake.resolve("merge")));
    assertSameFiles(lake.resolve("raw"), target.resolve("raw"));

    JsonNode report = report(StateTables.latestRunId(target));
    Map<String, String> outcomes = new TreeMap<>();
    report.path("tables").forEach(t -> outcomes.put(t.path("table").asText(), t.path("outcome").asText()));
    assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(TABLES.keySet());
    assertThat(outcomes.values()).containsOnly("synced");
    assertThat(report.path("folders").path("outcome").asText()).isEqualTo("done");
    JsonNode cleaned = tableReport(report, "cleaned");
    assertThat(cleaned.path("start").asText()).isEqualTo("from_checkpoint");
    assertThat(cleaned.path("versions_synced").asText()).isEqualTo("6 to 7");
    assertThat(tableReport(report, "vacuumed").path("missing_files").asLong()).isEqualTo(2);
    assertThat(result.out()).containsPattern("deep/er/partitions\\s+synced\\s+0 to 3");

    List<Row> syncs = SharedSpark.session().read().format("delta").load(target.resolve("_lepton/syncs").toString())
        .collectAsList();
    assertThat(syncs).hasSize(TABLES.size());
  }

  @Test
  @Order(2)
  void syncAfterNewCommitsCopiesOnlyTheirFiles() throws IOException {
    Set<String> before = visibleFiles(lake);
    TableShapes.append(lake.resolve("appends"), 1000, 10, 2);
    SharedSpark.session().sql("DELETE FROM delta.`" + lake.resolve("deletion vectors") + "` WHERE id % 10 = 3");
    SharedSpark.session().sql("UPDATE delta.`" + lake.resolve("cdf") + "` SET value = 'again' WHERE id = 7");
    Set<String> added = visibleFiles(lake);
    added.removeAll(before);

    Cli.Result result = sync();

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.SUCCESS);
    String runId = StateTables.latestRunId(target);
    List<String> copied = StateTables.manifest(target)
        .filter(functions.col("run_id").equalTo(runId).and(functions.col("status").equalTo("copied")))
        .select("path").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(copied).containsExactlyInAnyOrderElementsOf(added);
    assertThat(added).anyMatch(p -> p.startsWith("deletion vectors/deletion_vector_"))
        .anyMatch(p -> p.startsWith("cdf/_change_data/"));
    for (String table : List.of("appends", "deletion vectors", "cdf")) {
      assertThat(DeltaVersions.assertSameAtEveryReadableVersion(lake.resolve(table), target.resolve(table)))
          .isPositive();
    }
    assertThat(result.out()).containsPattern("merge\\s+up to date\\s+none");
  }

  @Test
  @Order(3)
  void syncRightAfterSyncCopiesNothing() throws IOException {
    Map<String, Long> before = modificationTimes(target);

    Cli.Result result = sync();

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.SUCCESS);
    String runId = StateTables.latestRunId(target);
    assertThat(StateTables.manifest(target).filter(functions.col("run_id").equalTo(runId)).count()).isZero();
    assertThat(modificationTimes(target)).isEqualTo(before);
    JsonNode report = report(runId);
    report.path("tables").forEach(t -> assertThat(t.path("outcome").asText()).isEqualTo("up_to_date"));
    assertThat(report.path("bytes_written").asLong()).isZero();
  }

  @Test
  @Order(4)
  void rawFilesSyncByDiffAndDeleteOnRequest() throws IOException {
    Path raw = lake.resolve("raw");
    Files.writeString(raw.resolve("new.csv"), "new file\n");
    Files.writeString(raw.resolve("plain.csv"), "changed content\n");
    Path touched = raw.resolve("with space.csv");
    assertThat(touched.toFile().setLastModified(touched.toFile().lastModified() + TimeUnit.DAYS.toMillis(1))).isTrue();
    Files.delete(raw.resolve("plus+sign.json"));

    Cli.Result result = sync();

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.SUCCESS);
    Map<String, String> statuses = statusesOfLatestRun();
    assertThat(statuses).containsEntry("raw/new.csv", "copied").containsEntry("raw/plain.csv", "copied")
        .containsEntry("raw/with space.csv", "skipped").hasSize(3);
    assertThat(Files.readString(target.resolve("raw/plain.csv"))).isEqualTo("changed content\n");
    assertThat(target.resolve("raw/plus+sign.json")).exists();

    Cli.Result deleting = sync("--set", "migration.sync.delete-extraneous=true");

    assertThat(deleting.code()).as(deleting.out() + deleting.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(statusesOfLatestRun()).isEqualTo(Map.of("raw/plus+sign.json", "deleted"));
    assertThat(target.resolve("raw/plus+sign.json")).doesNotExist();
    assertSameFiles(raw, target.resolve("raw"));
  }

  @Test
  @Order(5)
  void deletingTooManyFilesIsRejected() throws IOException {
    List<String> files = Trees.files(lake.resolve("raw"));
    List<String> gone = files.subList(0, files.size() / 3);
    for (String file : gone) {
      Files.delete(lake.resolve("raw").resolve(file));
    }

    Cli.Result result = sync("--set", "migration.sync.delete-extraneous=true");

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out()).contains("Cannot delete " + gone.size() + " of the " + files.size() + " target files")
        .contains("more than migration.sync.max-delete-share = 0.1 allows. Nothing was deleted.");
    for (String file : gone) {
      assertThat(target.resolve("raw").resolve(file)).exists();
    }
  }

  @Test
  @Order(6)
  void lockedTableExitsThreeAndOthersSync() throws IOException {
    Path locks = target.resolve("_lepton/locks/table-merge");
    long generation;
    try (Stream<Path> leases = Files.list(locks)) {
      generation = leases.map(p -> p.getFileName().toString()).filter(n -> n.matches("lease-\\d{10}\\.json"))
          .mapToLong(n -> Long.parseLong(n.substring(6, 16))).max().orElse(0) + 1;
    }
    Files.writeString(locks.resolve(String.format("lease-%010d.json", generation)),
        "{\"resource\":\"table 'merge'\",\"owner\":\"ops\",\"host\":\"scheduler-7\",\"run_id\":\"20260101-000000-abcdef\","
            + "\"acquired\":\"2026-01-01T00:00:00Z\",\"expires\":\"2999-01-01T00:00:00Z\",\"generation\":"
            + generation + ",\"released\":false}");
    TableShapes.append(lake.resolve("merge"), 5000, 5, 1);
    TableShapes.append(lake.resolve("optimized"), 5000, 5, 1);

    Cli.Result result = sync();

    assertThat(result.code()).isEqualTo(ExitCode.TARGET_CONFLICT);
    assertThat(result.out()).contains("Cannot sync table 'merge': it is locked by run 20260101-000000-abcdef on"
        + " host scheduler-7 (owner ops)");
    assertThat(result.out()).containsPattern("merge\\s+locked\\s+none");
    assertThat(DeltaVersions.latestVersion(target.resolve("merge")))
        .isEqualTo(DeltaVersions.latestVersion(lake.resolve("merge")) - 1);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(lake.resolve("optimized"), target.resolve("optimized")))
        .isPositive();
  }

  @Test
  @Order(7)
  void overwriteFlagNeedsTheSetting() {
    Cli.Result result = sync("--overwrite-diverged");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("Cannot use --overwrite-diverged: migration.sync.on-divergence is fail.");
  }

  private static List<String> history(Path table) {
    return SharedSpark.session().sql("DESCRIBE HISTORY delta.`" + table + "`").select("version", "timestamp")
        .collectAsList().stream().map(Object::toString).toList();
  }

  private static JsonNode report(String runId) throws IOException {
    return new ObjectMapper().readTree(target.resolve("_lepton/reports/" + runId + ".json").toFile());
  }

  private static JsonNode tableReport(JsonNode report, String table) {
    for (JsonNode node : report.path("tables")) {
      if (node.path("table").asText().equals(table)) {
        return node;
      }
    }
    throw new AssertionError("no report entry for table " + table);
  }

  private static Map<String, String> statusesOfLatestRun() {
    String runId = StateTables.latestRunId(target);
    Map<String, String> statuses = new TreeMap<>();
    for (Row row : StateTables.manifest(target).filter(functions.col("run_id").equalTo(runId))
        .select("path", "status").collectAsList()) {
      statuses.put(row.getString(0), row.getString(1));
    }
    return statuses;
  }

  /** Returns the files below a root that a copy carries: everything but Hadoop's hidden checksum files. */
  private static Set<String> visibleFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.startsWith("_lepton/"))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }

  private static void assertSameFiles(Path source, Path copy) throws IOException {
    assertThat(visibleFiles(copy)).isEqualTo(visibleFiles(source));
    for (String file : visibleFiles(source)) {
      assertThat(Files.mismatch(source.resolve(file), copy.resolve(file))).as(file).isEqualTo(-1L);
    }
  }

  private static Map<String, Long> modificationTimes(Path root) throws IOException {
    Map<String, Long> times = new TreeMap<>();
    for (String file : visibleFiles(root)) {
      times.put(file, Files.getLastModifiedTime(root.resolve(file)).toMillis());
    }
    return times;
  }
}
