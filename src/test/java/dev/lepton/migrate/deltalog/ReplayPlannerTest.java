package dev.lepton.migrate.deltalog;

import static dev.lepton.migrate.deltalog.DeltaTables.hadoopPath;
import static dev.lepton.migrate.deltalog.DeltaTables.localFs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay plans of hand-written logs: which files a sync copies and until which version each is needed. */
class ReplayPlannerTest {
  private static final String DV_1 = "dv" + "00000000000000000001";
  private static final String DV_2 = "dv" + "00000000000000000002";

  @TempDir java.nio.file.Path table;

  @Test
  void incrementalPlanListsOnlyFilesOfNewCommits() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));
    commit(1, add("b.parquet"));
    commit(2, add("c.parquet"));
    commit(3, add("d.parquet"));

    ReplayPlan plan = ReplayPlanner.plan(log(), "events", 1, 3);

    assertThat(plan.start()).isEqualTo(ReplayPlan.Start.AFTER_TARGET);
    assertThat(plan.firstVersion()).isEqualTo(2);
    assertThat(plan.dataFiles()).extracting(ReplayFile::path).containsExactly("c.parquet", "d.parquet");
    assertThat(plan.logFiles()).extracting(ReplayFile::path)
        .containsExactly("_delta_log/00000000000000000002.json", "_delta_log/00000000000000000003.json");
  }

  @Test
  void targetAtSourceVersionIsUpToDate() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));

    ReplayPlan plan = ReplayPlanner.plan(log(), "events", 0, 0);

    assertThat(plan.upToDate()).isTrue();
    assertThat(plan.dataFiles()).isEmpty();
    assertThat(plan.logFiles()).isEmpty();
  }

  @Test
  void removedFileIsNeededOnlyUntilItsRemoval() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));
    commit(1, add("b.parquet"));
    commit(2, "{\"commitInfo\":{\"timestamp\":1700000000222}}", remove("a.parquet", 1700000000111L));
    commit(3, remove("b.parquet", -1));

    ReplayPlan plan = ReplayPlanner.plan(log(), "", -1, 3);
    Map<String, ReplayFile> files = byPath(plan.dataFiles());

    assertThat(plan.start()).isEqualTo(ReplayPlan.Start.FULL_HISTORY);
    assertThat(files.get("a.parquet").lastNeededVersion()).isEqualTo(1);
    assertThat(files.get("a.parquet").neededBy()).isEqualTo("versions 0 to 1");
    assertThat(files.get("b.parquet").lastNeededVersion()).isEqualTo(2);
    assertThat(plan.removals()).containsExactly(
        new FileRemoval("a.parquet", 2, 1700000000111L),
        new FileRemoval("b.parquet", 3, 1700000000003L));
  }

  @Test
  void newDeletionVectorKeepsDataFileNeeded() throws IOException {
    commit(0, protocolAndMetadata(), add("p.parquet"));
    commit(1, remove("p.parquet", 10), addWithDv("p.parquet", DV_1));
    commit(2, removeWithDv("p.parquet", DV_1), addWithDv("p.parquet", DV_2));

    ReplayPlan plan = ReplayPlanner.plan(log(), "", -1, 2);
    Map<String, ReplayFile> files = byPath(plan.dataFiles());

    assertThat(files.get("p.parquet").neededAtEnd()).isTrue();
    String firstVector = "dv/deletion_vector_00000000-0000-0000-0000-000000000001.bin";
    String secondVector = "dv/deletion_vector_00000000-0000-0000-0000-000000000002.bin";
    assertThat(files.get(firstVector).kind()).isEqualTo(ReferencedFile.Kind.DELETION_VECTOR);
    assertThat(files.get(firstVector).lastNeededVersion()).isEqualTo(1);
    assertThat(files.get(secondVector).neededAtEnd()).isTrue();
    assertThat(plan.removals()).extracting(FileRemoval::path).containsExactly(firstVector);
  }

  @Test
  void changeDataNeededOnlyByItsVersion() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));
    commit(1, "{\"cdc\":{\"path\":\"_change_data/cdc-1.parquet\",\"partitionValues\":{},\"size\":5,"
        + "\"dataChange\":false}}");

    ReplayFile cdc = byPath(ReplayPlanner.plan(log(), "", -1, 1).dataFiles()).get("_change_data/cdc-1.parquet");

    assertThat(cdc.kind()).isEqualTo(ReferencedFile.Kind.CHANGE_DATA);
    assertThat(cdc.version()).isEqualTo(1);
    assertThat(cdc.lastNeededVersion()).isEqualTo(1);
    assertThat(cdc.sizeHint()).isEqualTo(5);
  }

  @Test
  void encodedPathsAreDecodedOnce() throws IOException {
    commit(0, protocolAndMetadata(), add("p=a%2520b%3Ac/part%20one.parquet"));

    ReplayPlan plan = ReplayPlanner.plan(log(), "", -1, 0);

    assertThat(plan.dataFiles()).extracting(ReplayFile::path).containsExactly("p=a%20b:c/part one.parquet");
  }

  @Test
  void absolutePathOutsideTableIsRejected() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));
    commit(1, add("file:/elsewhere/shallow/part-0.parquet"));

    for (AbsolutePathPolicy policy : AbsolutePathPolicy.values()) {
      assertThatThrownBy(() -> ReplayPlanner.plan(log(), "", 0, 1, policy))
          .as(policy.name())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("Cannot sync Delta table " + log().tableRoot() + ": version 1 names the data file"
              + " file:/elsewhere/shallow/part-0.parquet by an absolute path")
          .hasMessageContaining("deep clone");
    }
  }

  @Test
  void pathIntoTableNeedsRewrite() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));
    commit(1, add(log().tableRoot().toUri() + "/p%3Dx%20y/part-1.parquet"));

    assertThatThrownBy(() -> ReplayPlanner.plan(log(), "", 0, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("version 1 names the data file " + log().tableRoot() + "/p=x y/part-1.parquet")
        .hasMessageContaining("set migration.sync.absolute-paths = rewrite");

    ReplayPlan plan = ReplayPlanner.plan(log(), "", 0, 1, AbsolutePathPolicy.REWRITE);

    assertThat(plan.absolutePathsFound()).isTrue();
    assertThat(plan.dataFiles()).extracting(ReplayFile::path).containsExactly("p=x y/part-1.parquet");
  }

  @Test
  void rewriteMakesPathsIntoTableRelative() throws IOException {
    commit(0, protocolAndMetadata(), add("a.parquet"));
    PathRewrite rewrite = new PathRewrite(log().tableRoot());
    String absolute = log().tableRoot().toUri() + "/p%3Dx%20y/part%25.parquet";
    String line = "{\"add\":{\"path\":\"" + absolute + "\",\"partitionValues\":{\"p\":\"x y\"},\"size\":10,"
        + "\"modificationTime\":1,\"dataChange\":true}}";
    String untouched = "{\"remove\":{\"path\":\"b%20c.parquet\", \"dataChange\":true}}";

    assertThat(rewrite.rewriteLine(line, 1)).isEqualTo("{\"add\":{\"path\":\"p=x%20y/part%25.parquet\","
        + "\"partitionValues\":{\"p\":\"x y\"},\"size\":10,\"modificationTime\":1,\"dataChange\":true}}");
    assertThat(rewrite.rewriteLine(untouched, 1)).isSameAs(untouched);
  }

  private DeltaLog log() {
    return DeltaLog.forTable(localFs(), hadoopPath(table));
  }

  private void commit(long version, String... lines) throws IOException {
    List<String> all = new ArrayList<>();
    if (java.util.Arrays.stream(lines).noneMatch(l -> l.startsWith("{\"commitInfo\""))) {
      all.add("{\"commitInfo\":{\"timestamp\":" + (1700000000000L + version) + "}}");
    }
    all.addAll(List.of(lines));
    Files.createDirectories(table.resolve("_delta_log"));
    Files.write(table.resolve("_delta_log").resolve(LogFile.commitFileName(version)), all, StandardCharsets.UTF_8);
  }

  private static String protocolAndMetadata() {
    return "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
        + "{\"metaData\":{\"id\":\"t\",\"schemaString\":\"{}\",\"partitionColumns\":[],\"configuration\":{}}}";
  }

  private static String add(String path) {
    return "{\"add\":{\"path\":\"" + path + "\",\"partitionValues\":{},\"size\":10,\"modificationTime\":1,"
        + "\"dataChange\":true}}";
  }

  private static String addWithDv(String path, String dv) {
    return "{\"add\":{\"path\":\"" + path + "\",\"partitionValues\":{},\"size\":10,\"modificationTime\":1,"
        + "\"dataChange\":true,\"deletionVector\":" + dv(dv) + "}}";
  }

  private static String remove(String path, long deletionTimestamp) {
    String timestamp = deletionTimestamp < 0 ? "" : ",\"deletionTimestamp\":" + deletionTimestamp;
    return "{\"remove\":{\"path\":\"" + path + "\",\"dataChange\":true" + timestamp + "}}";
  }

  private static String removeWithDv(String path, String dv) {
    return "{\"remove\":{\"path\":\"" + path + "\",\"dataChange\":true,\"deletionTimestamp\":20,"
        + "\"deletionVector\":" + dv(dv) + "}}";
  }

  private static String dv(String pathOrInline) {
    return "{\"storageType\":\"u\",\"pathOrInlineDv\":\"" + pathOrInline + "\",\"offset\":1,\"sizeInBytes\":4,"
        + "\"cardinality\":1}";
  }

  private static Map<String, ReplayFile> byPath(List<ReplayFile> files) {
    return files.stream().collect(Collectors.toMap(ReplayFile::path, Function.identity()));
  }
}
