package dev.lepton.migrate.deltalog;

import static dev.lepton.migrate.deltalog.DeltaTables.append;
import static dev.lepton.migrate.deltalog.DeltaTables.copy;
import static dev.lepton.migrate.deltalog.DeltaTables.create;
import static dev.lepton.migrate.deltalog.DeltaTables.delete;
import static dev.lepton.migrate.deltalog.DeltaTables.hadoopPath;
import static dev.lepton.migrate.deltalog.DeltaTables.lines;
import static dev.lepton.migrate.deltalog.DeltaTables.localFs;
import static dev.lepton.migrate.deltalog.DeltaTables.logFile;
import static dev.lepton.migrate.deltalog.DeltaTables.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.InvariantViolationException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of delta-spark tables with log files deleted or altered, as a reader may meet them. */
class BrokenLogsTest {
  /** Versions 0 to 9, no checkpoint. */
  @TempDir static java.nio.file.Path plain;
  /** Versions 0 to 5, multi-part checkpoints at versions 2 and 4. */
  @TempDir static java.nio.file.Path checkpointed;
  /** Versions 0 to 2, a V2 checkpoint with a sidecar at version 2. */
  @TempDir static java.nio.file.Path v2;

  @TempDir java.nio.file.Path copy;

  @BeforeAll
  static void writeTables() {
    create(plain, "'delta.checkpointInterval' = '100'");
    for (int i = 0; i < 9; i++) {
      append(plain, i * 10L, 10, 1);
    }
    RuntimeConfig conf = SparkDelta.spark().conf();
    conf.set("spark.databricks.delta.checkpoint.partSize", "2");
    try {
      create(checkpointed, "'delta.checkpointInterval' = '2'");
      for (int i = 0; i < 5; i++) {
        append(checkpointed, i * 10L, 10, 2);
      }
    } finally {
      conf.unset("spark.databricks.delta.checkpoint.partSize");
    }
    create(v2, "'delta.checkpointInterval' = '2', 'delta.checkpointPolicy' = 'v2'");
    append(v2, 0, 10, 2);
    append(v2, 10, 10, 2);
  }

  @Test
  void rejectsGapInCommitVersions() {
    copy(plain, copy);
    for (int v = 5; v <= 7; v++) {
      delete(logFile(copy, LogFile.commitFileName(v)));
    }
    DeltaLog log = log(copy);
    String expected = "Cannot read Delta log of " + log.tableRoot()
        + ": commit versions 5 to 7 are missing after version 4.";

    assertThatThrownBy(() -> log.segmentAsOf(9))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageStartingWith(expected);
    assertThatThrownBy(() -> log.segment(2, 9))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageStartingWith(expected);
    assertThat(log.snapshotAt(4).files()).hasSize(4);
    assertThat(log.segment(7, 9).commits()).extracting(LogFile::version).containsExactly(8L, 9L);
  }

  @Test
  void checkpointWithMissingPartIsSkipped() {
    copy(checkpointed, copy);
    List<String> parts = checkpointParts(copy, 4);
    assertThat(parts.size()).isGreaterThan(1);
    delete(logFile(copy, parts.get(1)));
    DeltaLog log = log(copy);

    LogSegment segment = log.segmentAsOf(5);

    assertThat(segment.checkpoint().orElseThrow().version()).isEqualTo(2);
    assertThat(segment.commits()).extracting(LogFile::version).containsExactly(3L, 4L, 5L);
    assertThat(paths(log.snapshotAt(5))).isEqualTo(paths(log(checkpointed).snapshotAt(5)));
  }

  @Test
  void missingPartNamedWithoutFallback() {
    copy(checkpointed, copy);
    List<String> parts = checkpointParts(copy, 4);
    delete(logFile(copy, parts.get(1)));
    checkpointParts(copy, 2).forEach(part -> delete(logFile(copy, part)));
    for (int v = 0; v <= 3; v++) {
      delete(logFile(copy, LogFile.commitFileName(v)));
    }
    DeltaLog log = log(copy);

    assertThatThrownBy(() -> log.snapshotAt(5))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("at version 5: commit versions 0 to 3 are missing and no complete"
            + " checkpoint exists at or before version 5")
        .hasMessageContaining("the checkpoint at version 4 misses part(s) [2] of " + parts.size());
  }

  @Test
  void staleLastCheckpointFallsBack() {
    copy(checkpointed, copy);
    assertThat(lines(logFile(copy, "_last_checkpoint")).get(0)).startsWith("{\"version\":4,");
    checkpointParts(copy, 4).forEach(part -> delete(logFile(copy, part)));
    DeltaLog log = log(copy);

    LogSegment segment = log.segmentAsOf(5);

    assertThat(segment.checkpoint().orElseThrow().version()).isEqualTo(2);
    assertThat(paths(log.snapshotAt(5))).isEqualTo(paths(log(checkpointed).snapshotAt(5)));
  }

  @Test
  void unreadableLastCheckpointIsIgnored() {
    copy(checkpointed, copy);
    rewrite(logFile(copy, "_last_checkpoint"), List.of("{not json"));

    assertThat(log(copy).segmentAsOf(5).checkpoint().orElseThrow().version()).isEqualTo(4);
  }

  @Test
  void corruptJsonLineNamesFileAndLine() {
    copy(plain, copy);
    java.nio.file.Path commit = logFile(copy, LogFile.commitFileName(3));
    List<String> lines = new ArrayList<>(lines(commit));
    lines.set(1, "{\"add\":{\"path\":\"part-0.parquet\",");
    rewrite(commit, lines);
    DeltaLog log = log(copy);

    assertThatThrownBy(() -> log.snapshotAt(9))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageStartingWith("Cannot read Delta log of " + log.tableRoot() + ": line 2 of "
            + log.tableRoot() + "/_delta_log/00000000000000000003.json is invalid: not valid JSON")
        .hasMessageEndingWith(
            "Restore the file from a backup or from another copy of the table.");
    assertThat(log.snapshotAt(2).files()).hasSize(2);
  }

  @Test
  void addWithoutSizeNamesFileAndLine() {
    copy(plain, copy);
    java.nio.file.Path commit = logFile(copy, LogFile.commitFileName(1));
    List<String> lines = new ArrayList<>(lines(commit));
    int addLine = indexOfLineStartingWith(lines, "{\"add\"");
    lines.set(addLine, lines.get(addLine).replaceFirst("\"size\":\\d+,", ""));
    rewrite(commit, lines);
    DeltaLog log = log(copy);

    assertThatThrownBy(() -> log.filesReferenced(log.segment(0, 1)))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("line " + (addLine + 1) + " of " + log.tableRoot()
            + "/_delta_log/00000000000000000001.json is invalid: add action has no numeric size");
  }

  @Test
  void missingSidecarIsNamed() throws IOException {
    copy(v2, copy);
    java.nio.file.Path sidecars = copy.resolve("_delta_log/_sidecars");
    List<java.nio.file.Path> files;
    try (var list = Files.list(sidecars)) {
      files = list.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
    assertThat(files).isNotEmpty();
    delete(files.get(0));
    DeltaLog log = log(copy);

    assertThatThrownBy(() -> log.snapshotAt(2))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("sidecar file " + log.tableRoot() + "/_delta_log/_sidecars/"
            + files.get(0).getFileName() + " named by checkpoint")
        .hasMessageContaining("does not exist");
  }

  @Test
  void corruptCheckpointFileIsNamed() {
    copy(checkpointed, copy);
    String part = checkpointParts(copy, 4).get(0);
    rewrite(logFile(copy, part), List.of("not parquet at all"));
    DeltaLog log = log(copy);

    assertThatThrownBy(() -> log.snapshotAt(5))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("checkpoint file " + log.tableRoot() + "/_delta_log/" + part
            + " is not a readable Parquet file");
  }

  @Test
  void stagedCommitsAndTemporaryFilesAreIgnored() throws IOException {
    copy(plain, copy);
    java.nio.file.Path staged = copy.resolve("_delta_log/_commits");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("00000000000000000010.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.json"),
        "{}\n");
    Files.writeString(logFile(copy, ".00000000000000000010.json.7d17ac10-5cc3-401b-bd1a.tmp"),
        "{}\n");

    assertThat(log(copy).latestVersion()).isEqualTo(9);
  }

  @Test
  void rejectsFolderWithoutLog() {
    assertThatThrownBy(() -> log(copy).latestVersion())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("_delta_log does not exist")
        .hasMessageEndingWith("Check that the path is the root folder of a Delta table.");
  }

  @Test
  void rejectsVersionAfterLatest() {
    DeltaLog log = log(plain);

    assertThatThrownBy(() -> log.snapshotAt(10))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Cannot read Delta log of " + log.tableRoot() + " at version 10: the latest"
            + " version is 9. Request a version from 0 to 9.");
  }

  private static DeltaLog log(java.nio.file.Path table) {
    return DeltaLog.forTable(localFs(), hadoopPath(table));
  }

  private static List<String> checkpointParts(java.nio.file.Path table, long version) {
    return DeltaTables.filesUnder(table, "_delta_log").stream()
        .map(p -> p.substring("_delta_log/".length()))
        .filter(name -> name.startsWith(String.format("%020d.checkpoint.", version)))
        .sorted()
        .toList();
  }

  private static Set<String> paths(Snapshot snapshot) {
    return snapshot.files().stream().map(AddFile::path).collect(Collectors.toSet());
  }

  private static int indexOfLineStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("No line starts with " + prefix);
  }
}
