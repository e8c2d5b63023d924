package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the reader against Delta tables written by other writers, and against what delta-spark
 * reads from the same tables. Runs only with {@code -Dlepton.delta.golden=FOLDER}.
 */
class GoldenTablesTest {
  /** The table name passed to parameterized tests when no golden folder is configured. */
  private static final String NOT_CONFIGURED = "golden tables not configured";

  private static final java.nio.file.Path golden = goldenFolder();
  private static FileSystem fs;

  @BeforeAll
  static void openFileSystem() throws IOException {
    fs = FileSystem.getLocal(new Configuration());
  }

  @BeforeEach
  void requireGoldenTables() {
    assumeTrue(
        golden != null,
        "Golden tables are not configured: run with -Dlepton.delta.golden=FOLDER"
            + " (an existing folder) to test them.");
  }

  private static java.nio.file.Path goldenFolder() {
    String folder = System.getProperty("lepton.delta.golden", "");
    if (folder.isBlank() || !Files.isDirectory(java.nio.file.Path.of(folder))) {
      return null;
    }
    return java.nio.file.Path.of(folder);
  }

  static Stream<String> tables() throws IOException {
    if (golden == null) {
      return Stream.of(NOT_CONFIGURED);
    }
    try (Stream<java.nio.file.Path> children = Files.list(golden)) {
      List<String> names =
          children
              .filter(dir -> Files.isDirectory(dir.resolve("_delta_log")))
              .map(dir -> dir.getFileName().toString())
              .sorted()
              .toList();
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void latestVersionMatchesSpark(String table) {
    assertThat(log(table).latestVersion()).isEqualTo(SparkDelta.latestVersion(root(table)));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void snapshotFilesMatchSparkAtEveryVersion(String table) {
    DeltaLog log = log(table);
    for (long version = 0; version <= log.latestVersion(); version++) {
      Snapshot snapshot = log.snapshotAt(version);
      Set<String> ours = dataPaths(snapshot.liveFiles(), log.tableRoot());

      assertThat(ours).as("%s at version %d", table, version)
          .isEqualTo(SparkDelta.inputFiles(log.tableRoot(), version));
      assertThat(snapshot.files()).as("%s at version %d", table, version).hasSize(ours.size());
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void referencedFilesExistUnlessVacuumedOrNeverWritten(String table) throws IOException {
    DeltaLog log = log(table);
    long latest = log.latestVersion();
    ReferencedFiles all = log.filesReferenced(log.segment(-1, latest));
    Set<String> liveAtLatest = dataPaths(log.snapshotAt(latest).liveFiles(), log.tableRoot());

    List<String> missing = new ArrayList<>();
    for (ReferencedFile file : all.files()) {
      if (!fs.exists(file.resolve(log.tableRoot()))) {
        missing.add(file.location().path());
      }
    }

    if (table.equals("log-replay-special-characters-a")) {
      assertThat(missing).containsExactly("special p@#h");
    } else if (table.equals("snapshot-vacuumed")) {
      Set<String> referencedData = dataPaths(all, log.tableRoot());
      referencedData.removeAll(liveAtLatest);
      assertThat(missing).hasSize(9);
      assertThat(missing.stream().map(p -> new Path(log.tableRoot(), p).toString()))
          .containsExactlyInAnyOrderElementsOf(referencedData);
    } else {
      assertThat(missing).as(table).isEmpty();
    }
    assertThat(all.ofKind(ReferencedFile.Kind.COMMIT)).hasSize((int) latest + 1);
  }

  @Test
  void multiPartCheckpointIsReadWithAllParts() {
    DeltaLog log = log("multi-part-checkpoint");
    LogSegment segment = log.segmentAsOf(log.latestVersion());

    Checkpoint checkpoint = segment.checkpoint().orElseThrow();
    assertThat(checkpoint.type()).isEqualTo(LogFile.Type.MULTI_PART_CHECKPOINT);
    assertThat(checkpoint.files()).extracting(LogFile::part).containsExactly(1, 2);
    // _last_checkpoint of this table records numOfAddFiles 10.
    assertThat(LogReplay.replay(fs, segment).files()).hasSize(10);
    assertThat(log.filesReferenced(segment).pathsOfKind(ReferencedFile.Kind.CHECKPOINT))
        .containsExactly(
            "_delta_log/00000000000000000001.checkpoint.0000000001.0000000002.parquet",
            "_delta_log/00000000000000000001.checkpoint.0000000002.0000000002.parquet");
  }

  @Test
  void v2CheckpointFollowsItsSidecars() throws IOException {
    DeltaLog log = log("v2-checkpoint-json");
    LogSegment segment = log.segmentAsOf(2);

    assertThat(segment.checkpoint().orElseThrow().type()).isEqualTo(LogFile.Type.UUID_CHECKPOINT);
    assertThat(segment.commits()).isEmpty();
    Snapshot snapshot = log.snapshotAt(2);
    // _last_checkpoint of this table records numOfAddFiles 4, all held by the sidecars.
    assertThat(snapshot.files()).hasSize(4);
    assertThat(snapshot.protocol().readerFeatures()).containsExactly("v2Checkpoint");

    Set<String> sidecarsOnDisk = filesIn(golden.resolve("v2-checkpoint-json/_delta_log/_sidecars"));
    assertThat(sidecarsOnDisk).hasSize(2);
    assertThat(log.filesReferenced(segment).pathsOfKind(ReferencedFile.Kind.SIDECAR))
        .containsExactlyInAnyOrderElementsOf(
            sidecarsOnDisk.stream().map(name -> "_delta_log/_sidecars/" + name).toList());
  }

  @Test
  void deletionVectorFilesAreDerivedFromTheirUuids() throws IOException {
    DeltaLog log = log("dv-partitioned-with-checkpoint");
    ReferencedFiles files = log.filesReferenced(log.segment(-1, log.latestVersion()));

    Set<String> dvFilesOnDisk =
        filesIn(golden.resolve("dv-partitioned-with-checkpoint")).stream()
            .filter(name -> name.startsWith("deletion_vector_"))
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> referenced = files.pathsOfKind(ReferencedFile.Kind.DELETION_VECTOR);
    // The log names 10 distinct vectors (counted with an independent Z85 decoder); the table
    // folder also holds 5 deletion vector files that no version references.
    assertThat(referenced).hasSize(10);
    assertThat(dvFilesOnDisk).hasSize(15);
    assertThat(dvFilesOnDisk).containsAll(referenced);
    assertThat(files.ofKind(ReferencedFile.Kind.DELETION_VECTOR))
        .filteredOn(f -> f.location().path().contains("179561f5"))
        .extracting(ReferencedFile::version)
        .containsExactly(15L);
  }

  @Test
  void snapshotAfterCheckpointStartsFromIt() {
    DeltaLog log = log("125-iterator-bug");

    LogSegment afterCheckpoint = log.segmentAsOf(11);
    assertThat(afterCheckpoint.checkpoint().orElseThrow().version()).isEqualTo(10);
    assertThat(afterCheckpoint.commits()).extracting(LogFile::version).containsExactly(11L);

    LogSegment beforeCheckpoint = log.segmentAsOf(9);
    assertThat(beforeCheckpoint.checkpoint()).isEmpty();
    assertThat(beforeCheckpoint.commits()).hasSize(10);
  }

  @Test
  void escapedPartitionPathsAreDecodedOnce() {
    DeltaLog log = log("data-reader-escaped-chars");
    ReferencedFiles files = log.filesReferenced(log.segment(-1, log.latestVersion()));

    assertThat(files.pathsOfKind(ReferencedFile.Kind.DATA))
        .containsExactly(
            "_2=bar+%2521/part-00000-af08f887-922f-4c31-82a7-8e142c4280a6.c000.snappy.parquet",
            "_2=bar+%2522/part-00000-c1bfd944-5e0d-4133-af16-7851061e37aa.c000.snappy.parquet",
            "_2=bar+%2523/part-00000-92352854-5503-4ba5-8c29-b11777034eb7.c000.snappy.parquet");
    assertThat(log.snapshotAt(0).files().get(0).partitionValues()).containsEntry("_2", "bar+%21");
  }

  @Test
  void logOnlyTableReportsTheDecodedMissingFile() {
    DeltaLog log = log("log-replay-special-characters-a");

    assertThat(log.filesReferenced(log.segment(-1, 1)).pathsOfKind(ReferencedFile.Kind.DATA))
        .containsExactly("special p@#h");
    assertThat(log.snapshotAt(0).files()).extracting(AddFile::path).containsExactly("special%20p@%23h");
    assertThat(log.snapshotAt(1).files()).isEmpty();
    assertThat(log.snapshotAt(1).tombstones()).hasSize(1);
  }

  private static DeltaLog log(String table) {
    return DeltaLog.forTable(fs, root(table));
  }

  private static Path root(String table) {
    return new Path(golden.resolve(table).toString());
  }

  private static Set<String> dataPaths(ReferencedFiles files, Path root) {
    return files.ofKind(ReferencedFile.Kind.DATA).stream()
        .map(f -> f.resolve(root).toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> filesIn(java.nio.file.Path dir) throws IOException {
    try (Stream<java.nio.file.Path> children = Files.list(dir)) {
      return children
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .filter(name -> Files.isRegularFile(dir.resolve(name)))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
