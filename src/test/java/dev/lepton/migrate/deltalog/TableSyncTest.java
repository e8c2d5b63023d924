package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.SyncSettings;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.DeltaVersions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs of single tables that delta-spark writes in the test, run without Spark through {@link
 * TableSync}: what is copied, where a sync stops, and what it leaves behind.
 */
class TableSyncTest {
  @TempDir Path dir;
  private SyncFixture fixture;
  private Path source;
  private Path target;

  @BeforeEach
  void createRoots() {
    fixture = new SyncFixture(dir);
    source = fixture.source.resolve("events");
    target = fixture.target.resolve("events");
  }

  private static SparkSession spark() {
    return SparkDelta.spark();
  }

  private void createTable(String properties) {
    DeltaTables.create(source, properties);
  }

  private void append(long firstId, long count, int files) {
    DeltaTables.append(source, firstId, count, files);
  }

  @Test
  void secondSyncCopiesOnlyNewFiles() throws IOException {
    createTable("'delta.enableDeletionVectors' = 'true', 'delta.checkpointInterval' = '3'");
    append(0, 100, 2);
    append(100, 100, 2);
    DeltaTables.sql("DELETE FROM delta.`" + source + "` WHERE id % 5 = 0");
    append(200, 100, 1);

    TableSyncResult first = fixture.sync("events");

    assertThat(first.outcome()).isEqualTo(TableSyncResult.Outcome.SYNCED);
    assertThat(first.exitCode()).isEqualTo(ExitCode.SUCCESS);
    assertThat(first.start()).isEqualTo(ReplayPlan.Start.FULL_HISTORY);
    assertThat(first.versionsSynced()).isEqualTo("0 to 4");
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(5);
    assertThat(target.resolve("_delta_log/00000000000000000003.checkpoint.parquet")).exists();
    assertThat(Files.readString(target.resolve("_delta_log/_last_checkpoint")))
        .isEqualTo(Files.readString(source.resolve("_delta_log/_last_checkpoint")));

    append(300, 50, 1);
    TableSyncResult second = fixture.sync("events");

    assertThat(second.versionsSynced()).isEqualTo("5");
    List<String> copied = fixture.rowsOf("run-2").stream()
        .filter(r -> r.status().equals(ManifestRow.COPIED)).map(ManifestRow::path).toList();
    assertThat(copied).hasSize(3);
    assertThat(copied).contains("events/_delta_log/00000000000000000005.json",
        "events/_delta_log/00000000000000000005.crc");
    assertThat(copied).anyMatch(p -> p.startsWith("events/part-") && p.endsWith(".parquet"));
    assertThat(second.filesCopied()).isEqualTo(3);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(6);
  }

  @Test
  void syncRightAfterSyncWritesNothing() throws IOException {
    createTable("'delta.checkpointInterval' = '2'");
    append(0, 10, 1);
    append(10, 10, 1);
    fixture.sync("events");
    Map<String, Long> before = modificationTimes(fixture.target);

    TableSyncResult again = fixture.sync("events");

    assertThat(again.outcome()).isEqualTo(TableSyncResult.Outcome.UP_TO_DATE);
    assertThat(again.filesCopied()).isZero();
    assertThat(fixture.rowsOf("run-2")).isEmpty();
    Map<String, Long> after = modificationTimes(fixture.target);
    after.keySet().removeIf(p -> p.startsWith("_lepton/"));
    before.keySet().removeIf(p -> p.startsWith("_lepton/"));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void commitFilesKeepSourceModificationTimes() throws IOException {
    createTable("");
    append(0, 10, 1);
    long past = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(3);
    assertThat(source.resolve("_delta_log/00000000000000000001.json").toFile().setLastModified(past)).isTrue();

    fixture.sync("events");

    for (String commit : List.of("00000000000000000000.json", "00000000000000000001.json")) {
      assertThat(Files.getLastModifiedTime(target.resolve("_delta_log").resolve(commit)).toMillis())
          .as(commit).isEqualTo(Files.getLastModifiedTime(source.resolve("_delta_log").resolve(commit)).toMillis());
    }
    assertThat(history(target)).isEqualTo(history(source));
  }

  @Test
  void targetWithCommitsSourceLacksDiverges() throws IOException {
    createTable("");
    append(0, 10, 1);
    fixture.sync("events");
    DeltaTables.append(target, 500, 5, 1);
    append(10, 10, 1);
    append(20, 10, 1);
    String targetCommit = Files.readString(target.resolve("_delta_log/00000000000000000002.json"));

    TableSyncResult result = fixture.sync("events");

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.DIVERGED);
    assertThat(result.exitCode()).isEqualTo(ExitCode.TARGET_CONFLICT);
    assertThat(result.message())
        .startsWith("Cannot sync table 'events': the target's log diverged from the source's at version 2"
            + " (the commits at version 2 differ). Nothing was written to this table.")
        .contains("migration.sync.on-divergence = overwrite and pass --overwrite-diverged");
    assertThat(Files.readString(target.resolve("_delta_log/00000000000000000002.json"))).isEqualTo(targetCommit);
    assertThat(target.resolve("_delta_log/00000000000000000003.json")).doesNotExist();
  }

  @Test
  void targetAheadOfSourceDiverges() {
    createTable("");
    append(0, 10, 1);
    fixture.sync("events");
    DeltaTables.append(target, 500, 5, 1);
    DeltaTables.append(target, 600, 5, 1);

    TableSyncResult result = fixture.sync("events");

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.DIVERGED);
    assertThat(result.message()).contains("diverged from the source's at version 2 (the target has versions 2 to 3,"
        + " which the source lacks)");
  }

  @Test
  void overwriteWithoutConfirmationStillStops() {
    createTable("");
    append(0, 10, 1);
    fixture.sync("events");
    DeltaTables.append(target, 500, 5, 1);
    SyncSettings overwrite = withDivergence(DivergencePolicy.OVERWRITE);

    TableSyncResult result = fixture.sync("events", overwrite, OverwriteConfirmation.NOT_GIVEN);

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.DIVERGED);
    assertThat(result.exitCode()).isEqualTo(ExitCode.TARGET_CONFLICT);
  }

  @Test
  void confirmedOverwriteKeepsBackupAndReplaysSource() throws IOException {
    createTable("'delta.checkpointInterval' = '2'");
    append(0, 10, 1);
    fixture.sync("events");
    DeltaTables.append(target, 500, 5, 1);
    DeltaTables.append(target, 600, 5, 1);
    String diverging = Files.readString(target.resolve("_delta_log/00000000000000000002.json"));
    append(10, 10, 1);

    TableSyncResult result = fixture.sync("events", withDivergence(DivergencePolicy.OVERWRITE),
        OverwriteConfirmation.GIVEN);

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.SYNCED);
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .startsWith("overwrote the target's diverged log from version 2 (the commits at version 2 differ)"));
    Path backup = fixture.target.resolve("_lepton/diverged/table-events/run-2");
    assertThat(Files.readString(backup.resolve("00000000000000000002.json"))).isEqualTo(diverging);
    assertThat(backup.resolve("00000000000000000003.json")).exists();
    assertThat(backup.resolve("_last_checkpoint")).exists();
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(3);
  }

  @Test
  void missingFileOfLatestVersionStopsBeforeIt() throws IOException {
    createTable("");
    append(0, 10, 1);
    append(10, 10, 1);
    Path lost = newestDataFile(source);
    Files.delete(lost);

    TableSyncResult result = fixture.sync("events");

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.INCOMPLETE);
    assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(result.targetVersionAfter()).isEqualTo(1);
    assertThat(result.message())
        .startsWith("Cannot sync table 'events' beyond version 1: version 2 needs events/" + lost.getFileName()
            + " (missing: the source does not have this file, which the log names for versions 2 and later)")
        .endsWith("it continues from version 2.");
    assertThat(target.resolve("_delta_log/00000000000000000002.json")).doesNotExist();
    assertThat(fixture.rowsOf("run-1")).filteredOn(r -> r.status().equals(ManifestRow.FAILED))
        .extracting(ManifestRow::path)
        .containsExactly("events/_delta_log/00000000000000000002.json", "events/_delta_log/00000000000000000002.crc");
  }

  @Test
  void vacuumedFilesAreReportedForOldVersions() throws IOException {
    createTable("");
    append(0, 10, 1);
    overwriteSource();
    spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    try {
      DeltaTables.sql("VACUUM delta.`" + source + "` RETAIN 0 HOURS");
    } finally {
      spark().conf().unset("spark.databricks.delta.retentionDurationCheck.enabled");
    }

    TableSyncResult result = fixture.sync("events");

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.SYNCED);
    assertThat(result.exitCode()).isEqualTo(ExitCode.SUCCESS);
    assertThat(result.missingFiles()).isEqualTo(1);
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .startsWith("1 files that only versions up to 1 need are missing on the source (removed by VACUUM)"));
    assertThat(fixture.rowsOf("run-1")).filteredOn(r -> r.status().equals(ManifestRow.MISSING))
        .singleElement()
        .satisfies(row -> assertThat(row.reason()).isEqualTo("the source does not have this file, which the log"
            + " names for version 1 (removed from the table after that, so probably vacuumed)"));
    // Versions 0 and 2 to 4 (VACUUM START and END) read; version 1 needs the vacuumed file.
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(4);
    assertThat(DeltaVersions.rows(target, 1)).isEmpty();
  }

  @Test
  void firstSyncAfterLogCleanupStartsFromCheckpoint() {
    createTable("'delta.checkpointInterval' = '2'");
    for (int i = 0; i < 5; i++) {
      append(i * 10L, 10, 1);
    }
    expireLogAndWriteCheckpoint();

    TableSyncResult result = fixture.sync("events");

    assertThat(result.start()).isEqualTo(ReplayPlan.Start.FROM_CHECKPOINT);
    assertThat(result.versionsSynced()).isEqualTo("6 to 7");
    assertThat(target.resolve("_delta_log/00000000000000000006.checkpoint.parquet")).exists();
    assertThat(target.resolve("_delta_log/00000000000000000005.json")).doesNotExist();
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(2);
  }

  @Test
  void targetBehindLogCleanupCatchesUpFromCheckpoint() {
    createTable("'delta.checkpointInterval' = '2'");
    append(0, 10, 1);
    fixture.sync("events");
    for (int i = 1; i < 5; i++) {
      append(i * 10L, 10, 1);
    }
    expireLogAndWriteCheckpoint();

    TableSyncResult result = fixture.sync("events");

    assertThat(result.start()).isEqualTo(ReplayPlan.Start.FROM_CHECKPOINT);
    assertThat(result.versionsSynced()).isEqualTo("6 to 7");
    assertThat(result.notes()).contains("versions 2 to 5 were removed from the source's log by log retention before"
        + " they could be synced; neither side can read them");
    assertThat(DeltaVersions.rows(target, 1)).isEqualTo(DeltaVersions.rows(fixture.target.resolve("events"), 1))
        .isPresent();
    assertThat(DeltaVersions.rows(target, 7)).isEqualTo(DeltaVersions.rows(source, 7));
  }

  @Test
  void removedFilesStayByDefault() throws IOException {
    createTable("'delta.deletedFileRetentionDuration' = 'interval 2 days'");
    append(0, 10, 1);
    Path first = newestDataFile(source);
    overwriteSource();

    fixture.sync("events");
    fixture.clock.advance(Duration.ofDays(3));
    append(200, 5, 1);
    TableSyncResult later = fixture.sync("events");

    assertThat(later.deletedFiles()).isZero();
    assertThat(target.resolve(first.getFileName().toString())).exists();
    assertThat(DeltaVersions.rows(target, 1)).isEqualTo(DeltaVersions.rows(source, 1)).isPresent();
  }

  @Test
  void removedFilesAreDeletedOnceRetentionPassed() throws IOException {
    createTable("'delta.deletedFileRetentionDuration' = 'interval 2 days'");
    append(0, 10, 1);
    Path first = newestDataFile(source);
    overwriteSource();
    Path copiedFirst = target.resolve(first.getFileName().toString());
    SyncSettings deleting = new SyncSettings(List.of(), 8, 4, DivergencePolicy.FAIL, AbsolutePathPolicy.REJECT, true, false, 0.1,
        Duration.ofMinutes(5), 0);

    TableSyncResult early = fixture.sync("events", deleting, OverwriteConfirmation.NOT_GIVEN);

    assertThat(early.deletedFiles()).isZero();
    assertThat(copiedFirst).exists();
    assertThat(fixture.target.resolve("_lepton/sync/table-events/removals.jsonl")).content()
        .contains("\"path\":\"" + first.getFileName() + "\"");

    fixture.clock.advance(Duration.ofDays(3));
    TableSyncResult due = fixture.sync("events", deleting, OverwriteConfirmation.NOT_GIVEN);

    assertThat(due.outcome()).isEqualTo(TableSyncResult.Outcome.UP_TO_DATE);
    assertThat(due.deletedFiles()).isEqualTo(1);
    assertThat(copiedFirst).doesNotExist();
    assertThat(fixture.rowsOf("run-2")).filteredOn(r -> r.status().equals(ManifestRow.DELETED))
        .extracting(ManifestRow::path).containsExactly("events/" + first.getFileName());
    assertThat(fixture.target.resolve("_lepton/sync/table-events/removals.jsonl")).content()
        .doesNotContain(first.getFileName().toString());
    assertThat(DeltaVersions.rows(target, 2)).isEqualTo(DeltaVersions.rows(source, 2)).isPresent();
  }

  private void overwriteSource() {
    spark().range(100, 105).selectExpr("id", "CAST(id AS STRING) AS value").write().format("delta")
        .mode("overwrite").save(source.toString());
  }

  @Test
  void tableLockedByAnotherRunIsNotTouched() {
    createTable("");
    append(0, 10, 1);
    LeaseStore leases = new LeaseStore(DeltaTables.localFs(),
        Location.parse(fixture.target.resolve("_lepton").toString(), "state"), fixture.clock);
    leases.acquire(LeaseStore.tableResource("events"), "table 'events'", "other-run", Duration.ofMinutes(5));

    TableSyncResult result = fixture.sync("events");

    assertThat(result.outcome()).isEqualTo(TableSyncResult.Outcome.LOCKED);
    assertThat(result.exitCode()).isEqualTo(ExitCode.TARGET_CONFLICT);
    assertThat(result.message()).startsWith("Cannot sync table 'events': it is locked by run other-run on host ");
    assertThat(target.resolve("_delta_log")).doesNotExist();

    fixture.clock.advance(Duration.ofMinutes(6));
    TableSyncResult later = fixture.sync("events");

    assertThat(later.outcome()).isEqualTo(TableSyncResult.Outcome.SYNCED);
    assertThat(later.notes()).anySatisfy(note -> assertThat(note).startsWith("took over the expired lease of run other-run"));
  }

  @Test
  void absolutePathsIntoTableAreRewrittenWhenAllowed() throws IOException {
    createTable("'delta.checkpointInterval' = '2'");
    append(0, 10, 1);
    Path copy = source.resolve("p=1").resolve("moved part.parquet");
    Files.createDirectories(copy.getParent());
    Files.copy(newestDataFile(source), copy);
    String absolute = copy.toUri().toString();
    Files.write(source.resolve("_delta_log/00000000000000000002.json"), List.of(
        "{\"commitInfo\":{\"timestamp\":" + System.currentTimeMillis() + ",\"operation\":\"WRITE\"}}",
        "{\"add\":{\"path\":\"" + absolute + "\",\"partitionValues\":{},\"size\":" + Files.size(copy)
            + ",\"modificationTime\":1,\"dataChange\":true}}"));
    append(20, 5, 1);

    TableSyncResult rejected = fixture.sync("events");

    assertThat(rejected.outcome()).isEqualTo(TableSyncResult.Outcome.FAILED);
    assertThat(rejected.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(rejected.message()).contains("version 2 names the data file file:" + copy.toUri().getPath())
        .contains("set migration.sync.absolute-paths = rewrite");

    SyncSettings rewriting = new SyncSettings(List.of(), 8, 4, DivergencePolicy.FAIL, AbsolutePathPolicy.REWRITE,
        false, false, 0.1, Duration.ofMinutes(5), 0);
    TableSyncResult result = fixture.sync("events", rewriting, OverwriteConfirmation.NOT_GIVEN);

    assertThat(result.outcome()).as(result.message()).isEqualTo(TableSyncResult.Outcome.SYNCED);
    assertThat(Files.readString(target.resolve("_delta_log/00000000000000000002.json")))
        .contains("\"path\":\"p=1/moved%20part.parquet\"").doesNotContain(absolute);
    assertThat(target.resolve("p=1/moved part.parquet")).exists();
    assertThat(target.resolve("_delta_log/00000000000000000002.checkpoint.parquet")).doesNotExist();
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(4);

    TableSyncResult again = fixture.sync("events", rewriting, OverwriteConfirmation.NOT_GIVEN);
    append(30, 5, 1);
    TableSyncResult next = fixture.sync("events", rewriting, OverwriteConfirmation.NOT_GIVEN);

    assertThat(again.outcome()).isEqualTo(TableSyncResult.Outcome.UP_TO_DATE);
    assertThat(next.outcome()).isEqualTo(TableSyncResult.Outcome.SYNCED);
    assertThat(target.resolve("_delta_log/00000000000000000004.checkpoint.parquet")).doesNotExist();
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source, target)).isEqualTo(5);
  }

  private SyncSettings withDivergence(DivergencePolicy policy) {
    return new SyncSettings(List.of(), 8, 4, policy, AbsolutePathPolicy.REJECT, false, false, 0.1, Duration.ofMinutes(5), 0);
  }

  /** Ages the log files written so far, then appends: the checkpoint at version 6 triggers log cleanup. */
  private void expireLogAndWriteCheckpoint() {
    long tenDaysAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(10);
    for (File file : source.resolve("_delta_log").toFile().listFiles(File::isFile)) {
      assertThat(file.setLastModified(tenDaysAgo)).isTrue();
    }
    DeltaTables.sql("ALTER TABLE delta.`" + source + "` SET TBLPROPERTIES"
        + " ('delta.logRetentionDuration' = 'interval 1 days')");
    append(50, 10, 1);
    assertThat(source.resolve("_delta_log/00000000000000000000.json")).doesNotExist();
    assertThat(source.resolve("_delta_log/00000000000000000006.checkpoint.parquet")).exists();
  }

  private static List<String> history(Path table) {
    return spark().sql("DESCRIBE HISTORY delta.`" + table + "`").select("version", "timestamp")
        .collectAsList().stream().map(Object::toString).toList();
  }

  private static Path newestDataFile(Path table) throws IOException {
    try (Stream<Path> files = Files.list(table)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow();
    }
  }

  private static Map<String, Long> modificationTimes(Path root) throws IOException {
    Map<String, Long> times = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file).toMillis());
      }
    }
    return times;
  }
}
