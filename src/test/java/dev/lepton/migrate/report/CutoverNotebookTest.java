package dev.lepton.migrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every query of {@code notebooks/cutover-check.ipynb} against the state folder of real runs
 * of the job: a copy, a sync and a verify of a clean target first, then a verify after the target
 * was changed outside the job, a copy that repairs the files, and a verify without row counts.
 * The steps share one source and target and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CutoverNotebookTest {
  private static final Path NOTEBOOK = Path.of("notebooks", "cutover-check.ipynb");
  private static final String PLACEHOLDER = "{STATE}";
  /** A query as the notebook writes it: assigned to a name, in a Python f-string. */
  private static final Pattern QUERY = Pattern.compile("(\\w+)\\s*=\\s*spark\\.sql\\(f\"\"\"(.*?)\"\"\"\\)", Pattern.DOTALL);
  private static final String CORRUPTED_RAW_FILE = "raw/lines.json";

  @TempDir static Path dir;
  private static Path source;
  private static Path target;
  private static Map<String, String> queries;
  private static long filesAtCopy;
  private static long bytesAtCopy;

  @BeforeAll
  static void copySyncAndVerify() throws IOException {
    queries = queries(notebook());
    SparkSession spark = SharedSpark.session();
    source = dir.resolve("source");
    target = dir.resolve("target");
    spark.range(0, 30).withColumn("day", functions.expr("id % 3"))
        .write().format("delta").partitionBy("day").save(source.resolve("events").toString());
    spark.range(0, 20).withColumn("region", functions.expr("IF(id % 2 = 0, 'EU', 'US')"))
        .write().format("delta").partitionBy("region").save(source.resolve("orders").toString());
    Files.createDirectories(source.resolve("raw/nested"));
    Files.writeString(source.resolve("raw/plain.csv"), "id,name\n1,first\n2,second\n");
    Files.writeString(source.resolve(CORRUPTED_RAW_FILE), "{\"id\": 1}\n{\"id\": 2}\n{\"id\": 3}\n");
    Trees.write(source.resolve("raw/nested/blob.bin"), 70_000, new Random(5));
    filesAtCopy = sourceFiles().size();
    bytesAtCopy = sourceBytes();

    Cli.Result copy = Cli.run("copy", "--source", source.toString(), "--target", target.toString());
    assertThat(copy.code()).as(copy.err()).isEqualTo(ExitCode.SUCCESS);
    spark.range(100, 106).withColumn("day", functions.expr("id % 3"))
        .write().format("delta").mode("append").save(source.resolve("events").toString());
    Cli.Result sync = Cli.run("sync", "--source", source.toString(), "--target", target.toString());
    assertThat(sync.code()).as(sync.out() + sync.err()).isEqualTo(ExitCode.SUCCESS);
    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.SUCCESS);
  }

  @Test
  @Order(1)
  void notebookQueriesAreAllExtracted() throws IOException {
    JsonNode notebook = notebook();
    int sqlCalls = 0;
    for (JsonNode cell : notebook.get("cells")) {
      if (cell.get("cell_type").asText().equals("code")) {
        sqlCalls += count(source(cell), "spark.sql(");
        assertThat(cell.get("execution_count").isNull()).as("execution count of a committed cell").isTrue();
        assertThat(cell.get("outputs")).as("outputs of a committed cell").isEmpty();
      }
    }

    assertThat(notebook.get("nbformat").asInt()).isEqualTo(4);
    assertThat(queries).hasSize(sqlCalls);
    assertThat(queries.keySet()).containsExactly("verify_tables", "partitions_not_matching", "verify_files",
        "files_by_status", "problem_files", "recent_runs", "sync_lag", "go_no_go");
    for (Map.Entry<String, String> query : queries.entrySet()) {
      // Python evaluates the f-string, but the test replaces text. The two give the same SQL only
      // when {STATE} is the only field and the query contains no escape sequence.
      String withoutPlaceholder = query.getValue().replace(PLACEHOLDER, "");
      assertThat(withoutPlaceholder).as(query.getKey()).doesNotContain("{", "}", "\\");
      assertThat(query.getValue()).as(query.getKey()).contains(PLACEHOLDER);
    }
  }

  @Test
  @Order(2)
  void cleanCopyIsGo() throws IOException {
    Map<String, List<Row>> results = run(queries.keySet());

    long events = rows(source.resolve("events"));
    long orders = rows(source.resolve("orders"));
    assertThat(events).isEqualTo(36);
    List<Row> tables = results.get("verify_tables");
    assertThat(tables).extracting(r -> r.<String>getAs("table")).containsExactly("events", "orders");
    assertTable(tables.get(0), "match", events, events, 0L);
    assertTable(tables.get(1), "match", orders, orders, 0L);
    assertThat(tables).extracting(r -> r.<Long>getAs("partitions")).containsExactly(3L, 2L);
    assertThat(tables).extracting(r -> r.<Long>getAs("partitions_not_matching")).containsExactly(0L, 0L);
    assertThat(tables).extracting(r -> r.<Long>getAs("target_version")).containsExactly(1L, 0L);
    assertThat(results.get("partitions_not_matching")).isEmpty();

    long files = sourceFiles().size();
    Row fileCheck = onlyRow(results.get("verify_files"));
    assertThat(fileCheck.<String>getAs("status")).isEqualTo("match");
    assertThat(fileCheck.<Long>getAs("files_checked")).isEqualTo(files);
    assertThat(fileCheck.<Long>getAs("files_matching")).isEqualTo(files);
    assertThat(statusCounts(results.get("files_by_status"))).isEqualTo(Map.of("copied", files));
    assertThat(results.get("problem_files")).isEmpty();

    List<Row> runs = results.get("recent_runs");
    assertThat(runs).extracting(r -> r.<String>getAs("command")).containsExactly("sync", "copy");
    assertThat(runs).extracting(r -> r.<String>getAs("outcome")).containsExactly("success", "success");
    assertThat(runs.get(1).<Long>getAs("files")).isEqualTo(filesAtCopy);
    assertThat(runs.get(1).<Long>getAs("bytes_written")).isEqualTo(bytesAtCopy);

    List<Row> lag = results.get("sync_lag");
    assertThat(lag).extracting(r -> r.<String>getAs("table")).containsExactly("events", "orders");
    assertThat(lag).extracting(r -> r.<String>getAs("outcome")).containsExactly("synced", "up_to_date");
    assertThat(lag).extracting(r -> r.<Long>getAs("source_version")).containsExactly(1L, 0L);
    assertThat(lag).extracting(r -> r.<Long>getAs("target_version")).containsExactly(1L, 0L);
    assertThat(lag).extracting(r -> r.<Long>getAs("versions_behind")).containsExactly(0L, 0L);

    Row decision = onlyRow(results.get("go_no_go"));
    assertThat(decision.<String>getAs("decision")).isEqualTo("GO");
    assertThat(decision.getList(decision.fieldIndex("reasons"))).isEmpty();
  }

  @Test
  @Order(3)
  void tamperedTargetIsNoGoWithReasons() throws IOException {
    SparkSession spark = SharedSpark.session();
    long eventsBefore = rows(source.resolve("events"));
    long dayTwo = spark.read().format("delta").load(source.resolve("events").toString()).where("day = 2").count();
    long orders = rows(source.resolve("orders"));
    spark.sql("DELETE FROM delta.`" + target.resolve("events") + "` WHERE day = 2");
    List<String> ordersLogFiles = sourceFiles().stream().filter(p -> p.startsWith("orders/_delta_log/")).toList();
    deleteTree(target.resolve("orders/_delta_log"));
    flipMiddleByte(target.resolve(CORRUPTED_RAW_FILE));

    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString());
    // A verify changes neither the run history nor the sync lag, which cleanCopyIsGo checks.
    Map<String, List<Row>> results = run(List.of(
        "verify_tables", "partitions_not_matching", "verify_files", "files_by_status", "problem_files", "go_no_go"));

    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.FAILED);
    List<Row> tables = results.get("verify_tables");
    assertThat(tables).extracting(r -> r.<String>getAs("table")).containsExactly("events", "orders");
    assertTable(tables.get(0), "mismatch", eventsBefore, eventsBefore - dayTwo, -dayTwo);
    assertTable(tables.get(1), "unverified", orders, null, null);
    assertThat(tables.get(1).<String>getAs("detail")).isEqualTo("target: not a Delta table");
    assertThat(tables).extracting(r -> r.<Long>getAs("partitions_not_matching")).containsExactly(1L, 2L);

    List<Row> partitions = results.get("partitions_not_matching");
    assertThat(partitions).extracting(r -> r.<String>getAs("table") + " " + r.<String>getAs("partition") + " "
        + r.<String>getAs("status") + " " + r.<Long>getAs("source_rows") + " " + r.<Long>getAs("target_rows"))
        .containsExactly("events day=2 mismatch " + dayTwo + " 0",
            "orders region=EU unverified 10 null",
            "orders region=US unverified 10 null");

    assertThat(onlyRow(results.get("verify_files")).<String>getAs("status")).isEqualTo("mismatch");
    List<String> mismatched = new ArrayList<>(ordersLogFiles);
    mismatched.add(CORRUPTED_RAW_FILE);
    long files = sourceFiles().size();
    assertThat(statusCounts(results.get("files_by_status")))
        .isEqualTo(Map.of("copied", files - mismatched.size(), "mismatch", (long) mismatched.size()));
    List<Row> problems = results.get("problem_files");
    assertThat(problems).extracting(r -> r.<String>getAs("path")).containsExactlyElementsOf(mismatched);
    assertThat(problems).extracting(r -> r.<String>getAs("status")).containsOnly("mismatch");

    Row decision = onlyRow(results.get("go_no_go"));
    assertThat(decision.<String>getAs("decision")).isEqualTo("NO-GO");
    assertThat(decision.getList(decision.fieldIndex("reasons"))).containsExactly(
        "file check mismatch: " + (files - mismatched.size()) + " match, " + mismatched.size() + " mismatch, 0 unverified",
        "table events mismatch: source " + eventsBefore + " rows, target " + (eventsBefore - dayTwo)
            + " rows (versions differ: source 1, target 2)",
        "table orders unverified: source " + orders + " rows, target unknown (target: not a Delta table)",
        "mismatch partitions of events (1): day=2",
        "unverified partitions of orders (2): region=EU, region=US",
        "mismatch files in the manifest (" + mismatched.size() + "): " + String.join(", ", mismatched));
  }

  @Test
  @Order(4)
  void copyAfterVerifyMakesItStale() {
    Cli.Result repair = Cli.run("copy", "--source", source.toString(), "--target", target.toString());
    Map<String, List<Row>> results = run(List.of("problem_files", "go_no_go"));

    assertThat(repair.code()).as(repair.out() + repair.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(results.get("problem_files")).isEmpty();
    Row decision = onlyRow(results.get("go_no_go"));
    assertThat(decision.<String>getAs("decision")).isEqualTo("NO-GO");
    List<String> reasons = decision.getList(decision.fieldIndex("reasons"));
    assertThat(reasons.get(0)).startsWith("a copy ended at ").endsWith(": run verify again");
    assertThat(reasons).noneMatch(reason -> reason.contains("files in the manifest"));
  }

  @Test
  @Order(5)
  void verifyWithoutRowCountsIsNoGo() {
    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString(),
        "--set", "migration.verify.row-counts=false");
    Map<String, List<Row>> results = run(List.of("verify_tables", "verify_files", "go_no_go"));

    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(results.get("verify_tables")).isEmpty();
    assertThat(onlyRow(results.get("verify_files")).<String>getAs("status")).isEqualTo("match");
    Row decision = onlyRow(results.get("go_no_go"));
    assertThat(decision.<String>getAs("decision")).isEqualTo("NO-GO");
    assertThat(decision.getList(decision.fieldIndex("reasons")))
        .containsExactly("the latest verify compared no row counts, but the manifest lists Delta logs");
  }

  private static void assertTable(Row row, String status, Long sourceRows, Long targetRows, Long difference) {
    String table = row.getAs("table");
    assertThat(row.<String>getAs("status")).as("status of %s", table).isEqualTo(status);
    assertThat(row.<Long>getAs("source_rows")).as("source rows of %s", table).isEqualTo(sourceRows);
    assertThat(row.<Long>getAs("target_rows")).as("target rows of %s", table).isEqualTo(targetRows);
    assertThat(row.<Long>getAs("difference")).as("difference of %s", table).isEqualTo(difference);
  }

  /** Runs the named notebook queries on the test's state folder and collects their rows. */
  private static Map<String, List<Row>> run(Collection<String> names) {
    String state = target.resolve("_lepton").toString();
    Map<String, List<Row>> results = new LinkedHashMap<>();
    for (String name : names) {
      String sql = queries.get(name).replace(PLACEHOLDER, state);
      results.put(name, SharedSpark.session().sql(sql).collectAsList());
    }
    return results;
  }

  private static JsonNode notebook() throws IOException {
    return new ObjectMapper().readTree(NOTEBOOK.toFile());
  }

  /** Returns the queries of the notebook's code cells by the name each result is assigned to. */
  private static Map<String, String> queries(JsonNode notebook) {
    Map<String, String> found = new LinkedHashMap<>();
    for (JsonNode cell : notebook.get("cells")) {
      if (!cell.get("cell_type").asText().equals("code")) {
        continue;
      }
      Matcher matcher = QUERY.matcher(source(cell));
      while (matcher.find()) {
        assertThat(found.put(matcher.group(1), matcher.group(2))).as("second query named %s", matcher.group(1))
            .isNull();
      }
    }
    return found;
  }

  /** Joins a cell's source, which nbformat stores as one string or as a list of lines. */
  private static String source(JsonNode cell) {
    JsonNode source = cell.get("source");
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  private static int count(String text, String fragment) {
    int count = 0;
    for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
      count++;
    }
    return count;
  }

  private static Row onlyRow(List<Row> rows) {
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static Map<String, Long> statusCounts(List<Row> rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Row row : rows) {
      counts.put(row.getAs("status"), row.<Long>getAs("files"));
    }
    return counts;
  }

  private static long rows(Path table) {
    return SharedSpark.session().read().format("delta").load(table.toString()).count();
  }

  /** Lists the source files the job copies: all but the hidden checksum files of Hadoop's local file system. */
  private static List<String> sourceFiles() throws IOException {
    return Trees.files(source).stream()
        .filter(p -> !(p.substring(p.lastIndexOf('/') + 1).startsWith(".") && p.endsWith(".crc")))
        .toList();
  }

  private static long sourceBytes() throws IOException {
    long bytes = 0;
    for (String file : sourceFiles()) {
      bytes += Files.size(source.resolve(file));
    }
    return bytes;
  }

  private static void flipMiddleByte(Path file) throws IOException {
    try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
      data.seek(data.length() / 2);
      int original = data.read();
      data.seek(data.length() / 2);
      data.write(original ^ 0xff);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
