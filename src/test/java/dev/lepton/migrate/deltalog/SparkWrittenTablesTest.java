package dev.lepton.migrate.deltalog;

import static dev.lepton.migrate.deltalog.DeltaTables.append;
import static dev.lepton.migrate.deltalog.DeltaTables.assertMatchesSpark;
import static dev.lepton.migrate.deltalog.DeltaTables.create;
import static dev.lepton.migrate.deltalog.DeltaTables.filesUnder;
import static dev.lepton.migrate.deltalog.DeltaTables.hadoopPath;
import static dev.lepton.migrate.deltalog.DeltaTables.localFs;
import static dev.lepton.migrate.deltalog.DeltaTables.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvariantViolationException;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the reader against tables that delta-spark writes in the test, feature by feature. */
class SparkWrittenTablesTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void appendsAndOverwriteMatchSpark() {
    create(dir, "");
    append(dir, 0, 10, 2);
    append(dir, 10, 10, 3);
    SparkDelta.spark().range(0, 5).selectExpr("id", "'x' AS value").write().format("delta")
        .mode("overwrite").save(dir.toString());
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));

    assertThat(log.latestVersion()).isEqualTo(3);
    assertMatchesSpark(log, 0, 3);
    ReferencedFiles all = log.filesReferenced(log.segment(-1, 3));
    assertThat(Set.copyOf(all.pathsOfKind(ReferencedFile.Kind.DATA)))
        .isEqualTo(filesUnder(dir, ".").stream().filter(p -> !p.startsWith("_delta_log"))
            .map(p -> p.replaceFirst("^\\./", "")).collect(Collectors.toSet()));
    assertThat(all.pathsOfKind(ReferencedFile.Kind.COMMIT)).hasSize(4);
    assertThat(log.filesReferenced(log.segment(1, 2)).pathsOfKind(ReferencedFile.Kind.DATA))
        .hasSize(3);
  }

  @Test
  void deletionVectorsAreReferencedAndReplayed() {
    create(dir, "'delta.enableDeletionVectors' = 'true'");
    append(dir, 0, 100, 2);
    sql("DELETE FROM delta.`" + dir + "` WHERE id % 10 = 0");
    sql("DELETE FROM delta.`" + dir + "` WHERE id % 10 = 1");
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));
    Snapshot latest = log.snapshotAt(3);

    assertMatchesSpark(log, 0, 3);
    // Each DELETE replaced the vectors of both files, so the replay keeps one logical file each.
    assertThat(latest.files()).hasSize(2);
    assertThat(latest.files()).allSatisfy(add -> assertThat(add.deletionVector()).isPresent());
    assertThat(latest.tombstones()).hasSize(4);
    Set<String> dvFilesOnDisk = filesUnder(dir, ".").stream()
        .filter(p -> p.contains("deletion_vector_")).map(p -> p.replaceFirst("^\\./", ""))
        .collect(Collectors.toSet());
    assertThat(dvFilesOnDisk).hasSize(2);
    assertThat(log.filesReferenced(log.segment(-1, 3)).pathsOfKind(ReferencedFile.Kind.DELETION_VECTOR))
        .containsExactlyInAnyOrderElementsOf(dvFilesOnDisk);
    assertThat(latest.liveFiles().ofKind(ReferencedFile.Kind.DELETION_VECTOR))
        .singleElement()
        .satisfies(dv -> assertThat(dv.version()).isEqualTo(3));
  }

  @Test
  void changeDataFilesAreReferenced() {
    create(dir, "'delta.enableChangeDataFeed' = 'true'");
    append(dir, 0, 20, 1);
    sql("UPDATE delta.`" + dir + "` SET value = 'changed' WHERE id < 5");
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));

    Set<String> changeFilesOnDisk = filesUnder(dir, "_change_data");
    assertThat(changeFilesOnDisk).isNotEmpty();
    List<ReferencedFile> changeFiles =
        log.filesReferenced(log.segment(-1, 2)).ofKind(ReferencedFile.Kind.CHANGE_DATA);
    assertThat(changeFiles).extracting(f -> f.location().path())
        .containsExactlyInAnyOrderElementsOf(changeFilesOnDisk);
    assertThat(changeFiles).allSatisfy(f -> {
      assertThat(f.version()).isEqualTo(2);
      assertThat(f.size().getAsLong()).isEqualTo(dir.resolve(f.location().path()).toFile().length());
    });
    assertMatchesSpark(log, 0, 2);
  }

  @Test
  void classicCheckpointIsTheBaseOfLaterVersions() {
    create(dir, "'delta.checkpointInterval' = '2'");
    for (int i = 0; i < 5; i++) {
      append(dir, i * 10L, 10, 1);
    }
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));
    LogSegment segment = log.segmentAsOf(5);

    assertThat(log.latestCheckpointVersion()).contains(4L);
    assertThat(segment.checkpoint().orElseThrow().type()).isEqualTo(LogFile.Type.CLASSIC_CHECKPOINT);
    assertThat(segment.checkpoint().get().version()).isEqualTo(4);
    assertThat(segment.commits()).extracting(LogFile::version).containsExactly(5L);
    assertMatchesSpark(log, 0, 5);
    ReferencedFiles files = log.filesReferenced(segment);
    assertThat(files.pathsOfKind(ReferencedFile.Kind.DATA)).hasSize(5);
    assertThat(files.pathsOfKind(ReferencedFile.Kind.COMMIT))
        .containsExactly("_delta_log/00000000000000000004.json", "_delta_log/00000000000000000005.json");
    assertThat(files.pathsOfKind(ReferencedFile.Kind.CHECKPOINT))
        .containsExactly("_delta_log/00000000000000000004.checkpoint.parquet");

    CountingFileSystem counting = new CountingFileSystem(localFs());
    DeltaLog.forTable(counting, hadoopPath(dir)).snapshotAt(5);
    assertThat(counting.listed).containsExactly("_delta_log");
    assertThat(counting.opened)
        .containsExactlyInAnyOrder("_last_checkpoint", "00000000000000000004.checkpoint.parquet",
            "00000000000000000005.json");
  }

  @Test
  void multiPartCheckpointIsReadWithAllParts() {
    RuntimeConfig conf = SparkDelta.spark().conf();
    conf.set("spark.databricks.delta.checkpoint.partSize", "2");
    try {
      create(dir, "'delta.checkpointInterval' = '2'");
      append(dir, 0, 30, 3);
      append(dir, 30, 30, 3);
    } finally {
      conf.unset("spark.databricks.delta.checkpoint.partSize");
    }
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));
    LogSegment segment = log.segmentAsOf(2);

    Checkpoint checkpoint = segment.checkpoint().orElseThrow();
    assertThat(checkpoint.type()).isEqualTo(LogFile.Type.MULTI_PART_CHECKPOINT);
    assertThat(checkpoint.files().size()).isGreaterThan(1);
    assertThat(log.snapshotAt(2).files()).hasSize(6);
    assertThat(log.filesReferenced(segment).pathsOfKind(ReferencedFile.Kind.CHECKPOINT))
        .hasSize(checkpoint.files().size());
    assertMatchesSpark(log, 0, 2);
  }

  @Test
  void v2CheckpointIsReadThroughItsSidecars() {
    create(dir, "'delta.checkpointInterval' = '2', 'delta.checkpointPolicy' = 'v2'");
    append(dir, 0, 30, 3);
    append(dir, 30, 30, 2);
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));
    LogSegment segment = log.segmentAsOf(2);

    assertThat(segment.checkpoint().orElseThrow().type()).isEqualTo(LogFile.Type.UUID_CHECKPOINT);
    assertThat(log.snapshotAt(2).files()).hasSize(5);
    assertThat(log.snapshotAt(2).protocol().readerFeatures()).contains("v2Checkpoint");
    assertThat(log.filesReferenced(segment).pathsOfKind(ReferencedFile.Kind.SIDECAR))
        .containsExactlyInAnyOrderElementsOf(filesUnder(dir, "_delta_log/_sidecars"));
    assertMatchesSpark(log, 0, 2);
  }

  @Test
  void logCleanupLeavesASnapshotAtTheCheckpoint() {
    create(dir, "'delta.checkpointInterval' = '2'");
    for (int i = 0; i < 5; i++) {
      append(dir, i * 10L, 10, 1);
    }
    // Delta deletes expired log files by modification time, so age the ones written so far.
    long tenDaysAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(10);
    for (File file : dir.resolve("_delta_log").toFile().listFiles(File::isFile)) {
      assertThat(file.setLastModified(tenDaysAgo)).isTrue();
    }
    // Version 6 writes a checkpoint, after which Delta cleans up the expired log files.
    sql("ALTER TABLE delta.`" + dir + "` SET TBLPROPERTIES"
        + " ('delta.logRetentionDuration' = 'interval 1 days')");
    append(dir, 50, 10, 1);
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));
    long earliest = earliestCommitOnDisk();
    // The cleanup keeps the checkpoint at version 6 and every commit after it.
    assertThat(earliest).isEqualTo(6);
    assertThat(DeltaTables.logFile(dir, String.format("%020d.checkpoint.parquet", earliest)))
        .exists();

    assertThatThrownBy(() -> log.segment(-1, 7))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("Cannot read commits 0 to 7 of " + log.tableRoot())
        .hasMessageContaining("the log starts at version " + earliest);
    assertThatThrownBy(() -> log.segmentAsOf(earliest - 1))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("commit versions 0 to " + (earliest - 1) + " are missing");
    LogSegment first = log.segmentAsOf(earliest);
    assertThat(first.checkpoint().orElseThrow().version()).isEqualTo(earliest);
    ReferencedFiles files = log.filesReferenced(first);
    assertThat(files.ofKind(ReferencedFile.Kind.DATA).stream()
            .map(f -> f.resolve(log.tableRoot()).toString()).collect(Collectors.toSet()))
        .hasSize(5)
        .isEqualTo(SparkDelta.inputFiles(log.tableRoot(), earliest));
    assertThat(files.pathsOfKind(ReferencedFile.Kind.COMMIT))
        .containsExactly(String.format("_delta_log/%020d.json", earliest));
    assertThat(files.pathsOfKind(ReferencedFile.Kind.CHECKPOINT))
        .containsExactly(String.format("_delta_log/%020d.checkpoint.parquet", earliest));
    assertMatchesSpark(log, earliest, 7);
  }

  private long earliestCommitOnDisk() {
    return filesUnder(dir, "_delta_log").stream()
        .filter(p -> p.matches("_delta_log/\\d{20}\\.json"))
        .mapToLong(p -> Long.parseLong(p.substring("_delta_log/".length(), p.length() - 5)))
        .min()
        .orElseThrow();
  }

  @Test
  void partitionValuesWithSpecialCharactersAreDecoded() {
    sql("CREATE TABLE delta.`" + dir + "` (id INT, p STRING) USING delta PARTITIONED BY (p)");
    sql("INSERT INTO delta.`" + dir + "` VALUES (1, 'a b'), (2, 'x/y'), (3, '50%'),"
        + " (4, 'ünï'), (5, NULL), (6, 'a:b'), (7, '#1'), (8, '%2520')");
    DeltaLog log = DeltaLog.forTable(localFs(), hadoopPath(dir));
    Snapshot snapshot = log.snapshotAt(1);

    Map<String, Integer> values = new HashMap<>();
    snapshot.files().forEach(add -> values.merge(add.partitionValues().get("p"), 1, Integer::sum));
    assertThat(values.keySet())
        .containsExactlyInAnyOrder("a b", "x/y", "50%", "ünï", null, "a:b", "#1", "%2520");
    for (ReferencedFile file : snapshot.liveFiles().ofKind(ReferencedFile.Kind.DATA)) {
      assertThat(Files.exists(dir.resolve(file.location().path())))
          .as(file.location().path()).isTrue();
    }
    assertMatchesSpark(log, 0, 1);
  }
}
