package dev.lepton.migrate.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.cli.LeptonMigrate;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.spark.ListingScenario;
import dev.lepton.migrate.store.CreateIfAbsent;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.HaltingFileSystem;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.TableShapes;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every store passes, run unchanged against each loopback test server: the store as
 * copy target (from local files) and as copy source (back to local files), through the command line
 * in this JVM. A subclass starts one store and may name the characters it cannot hold.
 *
 * <p>The state folder stays on the target store: Delta commits there through the log store it
 * picks by scheme (S3SingleDriverLogStore for s3a, AzureLogStore for wasb, HDFSLogStore for hdfs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StoreContract {
  private static final long MULTIPART_FILE = 40L * 1000 * 1000;
  // S3 and HDFS list 100 entries per page in these tests, so this listing spans many pages. These
  // files go through the whole job, which took 41 s for 1,000 of them on S3Mock, so the
  // 10,000-object listing writes its objects directly and only lists them.
  private static final int MANY_FILES = 1_000;
  private static final int LISTED_OBJECTS = 10_000;
  private static final int KILLED_FILES = 120;

  private Path dir;
  private TestStore store;
  private Path tree;
  private List<String> treeFiles;

  /** Starts the store under test with its data in {@code dir}. */
  abstract TestStore startStore(Path dir) throws Exception;

  /**
   * Returns whether the test server lets exactly one of several racing conditional creates of one
   * name succeed, as the real store does.
   */
  boolean serializesConditionalCreates() {
    return true;
  }

  /** Returns whether the store can hold a file at this relative path. */
  boolean holds(String relativePath) {
    return true;
  }

  /** A relative path the store cannot hold, for the name check before a copy. */
  abstract String nameTheStoreRejects();

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    store = startStore(Files.createDirectories(dir.resolve("server")));
  }

  @AfterAll
  void stop() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  private List<TestStore> stores() {
    return List.of(store);
  }

  private Cli.Result run(String command, String source, String target, String... extra) {
    return StoreRuns.run(stores(), command, source, target, extra);
  }

  private String local(String folder) {
    return dir.resolve(folder).toString();
  }

  @Test
  @Order(1)
  void awkwardTreeGoesToStoreAndBack() throws IOException {
    tree = dir.resolve("tree");
    treeFiles = ContractTrees.write(tree, this::holds);

    Cli.Result up = run("copy", tree.toString(), store.uri("tree"));

    assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(store.uri("tree/_lepton")))
        .isEqualTo(Map.of("copied", (long) treeFiles.size()));
    FileSystem fs = StoreRuns.fileSystem(store.uri(""), stores());
    for (String relative : treeFiles) {
      FileStatus status = fs.getFileStatus(StoreRuns.path(store.uri("tree"), relative));
      assertThat(status.getLen()).as("size of %s on %s", relative, store.name())
          .isEqualTo(Files.size(tree.resolve(relative)));
    }

    Cli.Result down = run("copy", store.uri("tree"), local("tree-back"));

    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(tree, dir.resolve("tree-back"));
  }

  @Test
  @Order(2)
  void rerunCopiesNothingEitherWay() {
    Cli.Result plan = run("plan", tree.toString(), store.uri("tree"));
    assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(plan.out()).containsPattern("to copy\\s+0 files");

    Cli.Result up = run("copy", tree.toString(), store.uri("tree"));
    Cli.Result down = run("copy", store.uri("tree"), local("tree-back"));

    assertThat(up.code()).as(up.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(store.uri("tree/_lepton")))
        .isEqualTo(Map.of("skipped", (long) treeFiles.size()));
    assertThat(down.code()).as(down.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(dir.resolve("tree-back/_lepton").toString()))
        .isEqualTo(Map.of("skipped", (long) treeFiles.size()));
  }

  @Test
  @Order(3)
  void verifyFindsCorruptObjectAndCopyRepairsIt() throws IOException {
    String victim = treeFiles.stream().filter(p -> p.contains("#")).findFirst().orElseThrow();
    FileSystem fs = StoreRuns.fileSystem(store.uri(""), stores());
    StoreRuns.corrupt(fs, StoreRuns.path(store.uri("tree"), victim));

    Cli.Result verify = run("verify", tree.toString(), store.uri("tree"));

    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.FAILED);
    assertThat(verify.out()).contains("mismatch " + victim);

    Cli.Result repair = run("copy", tree.toString(), store.uri("tree"));

    assertThat(repair.code()).as(repair.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(store.uri("tree/_lepton")))
        .containsEntry("copied", 1L)
        .containsEntry("skipped", (long) treeFiles.size() - 1);
    Cli.Result again = run("verify", tree.toString(), store.uri("tree"));
    assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCode.SUCCESS);
  }

  @Test
  @Order(4)
  void multipartSizedFileKeepsItsBytes() throws IOException {
    Path big = dir.resolve("big");
    Trees.write(big.resolve("large/forty megabytes.bin"), MULTIPART_FILE, new Random(40));

    Cli.Result up = run("copy", big.toString(), store.uri("big"));
    Cli.Result down = run("copy", store.uri("big"), local("big-back"));

    assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(big, dir.resolve("big-back"));
    checkLargeObject(StoreRuns.fileSystem(store.uri(""), stores()).getFileStatus(
        StoreRuns.path(store.uri("big"), "large/forty megabytes.bin")));
  }

  /** Checks a store-specific property of the 40 MB object, such as its multipart etag. */
  void checkLargeObject(FileStatus status) {
    assertThat(status.getLen()).isEqualTo(MULTIPART_FILE);
  }

  @Test
  @Order(5)
  void manyObjectsAreListedOnce() throws IOException {
    Path many = dir.resolve("many");
    Random random = new Random(10);
    for (int i = 0; i < MANY_FILES; i++) {
      Trees.write(many.resolve(String.format("batch-%02d/object-%05d.txt", i % 8, i)), 1 + random.nextInt(64), random);
    }

    Cli.Result up = run("copy", many.toString(), store.uri("many"));
    assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCode.SUCCESS);
    Cli.Result down = run("copy", store.uri("many"), local("many-back"));

    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    Row counts = StateTables.manifest(dir.resolve("many-back/_lepton").toString())
        .agg(functions.count("*"), functions.countDistinct("path")).first();
    assertThat(counts.getLong(0)).as("manifest rows").isEqualTo(MANY_FILES);
    assertThat(counts.getLong(1)).as("distinct paths").isEqualTo(MANY_FILES);
    assertThat(Trees.files(dir.resolve("many-back"), "_lepton")).hasSize(MANY_FILES);
  }

  @Test
  @Order(6)
  void killedCopyToStoreResumes() throws Exception {
    Path source = dir.resolve("killed");
    Random random = new Random(6);
    for (int i = 0; i < KILLED_FILES; i++) {
      Trees.write(source.resolve("part " + (i % 6) + "/file-" + i + ".bin"), 5_000 + random.nextInt(20_000), random);
    }

    Process killed = startHaltingCopy(source, store.uri("killed"), KILLED_FILES / 2);
    assertThat(killed.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(killed.exitValue()).as(Files.readString(dir.resolve("killed.log"))).isEqualTo(137);

    Cli.Result rerun = run("copy", source.toString(), store.uri("killed"));

    assertThat(rerun.code()).as(rerun.out() + rerun.err()).isEqualTo(ExitCode.SUCCESS);
    List<Row> perPath = StateTables.manifest(store.uri("killed/_lepton"))
        .groupBy("path")
        .agg(functions.sum(functions.expr("IF(status = 'copied', 1, 0)")).as("copies"),
            functions.sum(functions.expr("IF(status IN ('copied', 'adopted'), 1, 0)")).as("present"))
        .collectAsList();
    assertThat(perPath).hasSize(KILLED_FILES);
    assertThat(perPath).allSatisfy(row -> {
      assertThat(row.getLong(1)).as("copies of %s", row.getString(0)).isLessThanOrEqualTo(1);
      assertThat(row.getLong(2)).as("copied or adopted rows of %s", row.getString(0)).isEqualTo(1);
    });
    Cli.Result down = run("copy", store.uri("killed"), local("killed-back"));
    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(source, dir.resolve("killed-back"));
  }

  private Process startHaltingCopy(Path source, String target, int haltAfter) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
        .toList());
    command.add("-Xmx2g");
    // A store served over TLS with the tests' own certificate (abfss) needs the same trust store.
    for (String key : List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
        "javax.net.ssl.trustStorePassword")) {
      String value = System.getProperty(key);
      if (value != null) {
        command.add("-D" + key + "=" + value);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeptonMigrate.class.getName()));
    command.addAll(StoreRuns.arguments(stores(), "copy", source.toString(), target,
        "--set", "migration.plan.task-size=1MiB",
        "--conf", "spark.master=local[2]",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.hadoop.fs.file.impl=" + HaltingFileSystem.class.getName(),
        "--conf", "spark.hadoop.fs.file.impl.disable.cache=true",
        "--conf", "spark.hadoop." + HaltingFileSystem.HALT_OPENED_UNDER + "=" + source,
        "--conf", "spark.hadoop." + HaltingFileSystem.HALT_AFTER_OPENED + "=" + haltAfter));
    command.addAll(StoreRuns.secretConfs(stores()));
    File log = dir.resolve("killed.log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(store.childEnvironment());
    return builder.start();
  }

  @Test
  @Order(7)
  void deltaTableKeepsRowCountsAtEveryVersion() {
    SparkSession spark = SharedSpark.session();
    Path lake = dir.resolve("lake");
    String table = lake.resolve("events").toString();
    spark.range(0, 1000).withColumn("day", functions.expr("id % 5"))
        .write().format("delta").partitionBy("day").option("delta.checkpointInterval", "2").save(table);
    for (int i = 1; i <= 2; i++) {
      spark.range(1000L * i, 1000L * i + 300).withColumn("day", functions.expr("id % 5"))
          .write().format("delta").mode("append").save(table);
    }
    spark.sql("DELETE FROM delta.`" + table + "` WHERE day = 2");

    Cli.Result up = run("copy", lake.toString(), store.uri("lake"));
    Cli.Result down = run("copy", store.uri("lake"), local("lake-back"));

    assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    for (long version = 0; version <= 3; version++) {
      long expected = spark.read().format("delta").option("versionAsOf", version).load(table).count();
      long onStore = spark.read().format("delta").option("versionAsOf", version).load(store.uri("lake/events")).count();
      long back = spark.read().format("delta").option("versionAsOf", version)
          .load(dir.resolve("lake-back/events").toString()).count();
      assertThat(onStore).as("rows at version %d on %s", version, store.name()).isEqualTo(expected);
      assertThat(back).as("rows at version %d copied back", version).isEqualTo(expected);
    }
    Cli.Result verify = run("verify", lake.toString(), store.uri("lake"));
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.SUCCESS);
  }

  @Test
  @Order(8)
  void namesTheStoreCannotHoldStopTheCopyUntilRenamed() throws IOException {
    Path source = dir.resolve("names");
    String bad = nameTheStoreRejects();
    Trees.write(source.resolve(bad), 100, new Random(8));
    Trees.write(source.resolve("fine.txt"), 100, new Random(9));

    Cli.Result refused = run("copy", source.toString(), store.uri("names"));

    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(refused.err()).contains("1 target names do not fit the target store")
        .contains(bad).contains("migration.copy.rename");
    FileSystem fs = StoreRuns.fileSystem(store.uri(""), stores());
    assertThat(fs.exists(StoreRuns.path(store.uri("names"), "fine.txt"))).as("nothing copied").isFalse();

    Cli.Result renamed = run("copy", source.toString(), store.uri("names"),
        "--set", "migration.copy.rename={\"" + bad + "\"=\"renamed/fits.bin\"}");

    assertThat(renamed.code()).as(renamed.out() + renamed.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(store.uri("names/_lepton"))).isEqualTo(Map.of("copied", 2L));
    assertThat(fs.getFileStatus(StoreRuns.path(store.uri("names"), "renamed/fits.bin")).getLen()).isEqualTo(100);
  }

  @Test
  @Order(9)
  void directoryMarkersNeverBecomeFiles() throws IOException {
    FileSystem fs = StoreRuns.fileSystem(store.uri(""), stores());
    String root = store.uri("markers");
    fs.mkdirs(StoreRuns.path(root, "empty folder"));
    fs.mkdirs(StoreRuns.path(root, "full/inner empty"));
    try (var out = fs.create(StoreRuns.path(root, "full/file.txt"))) {
      out.write("content".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Cli.Result down = run("copy", root, local("markers-back"));

    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    Path back = dir.resolve("markers-back");
    assertThat(Trees.files(back, "_lepton")).containsExactly("full/file.txt");
    assertThat(back.resolve("empty folder")).isEmptyDirectory();
    assertThat(back.resolve("full/inner empty")).isEmptyDirectory();
  }

  @Test
  @Order(10)
  void createIfAbsentAdmitsOneWriter() throws Exception {
    FileSystem fs = StoreRuns.fileSystem(store.uri(""), stores());
    org.apache.hadoop.fs.Path target = StoreRuns.path(store.uri("exclusive"), "_delta_log/00000000000000000000.json");
    org.apache.hadoop.fs.Path staging = StoreRuns.path(store.uri("exclusive"), "_staging");
    CreateIfAbsent.writeBytes(fs, target, bytes("first"), staging);

    assertThatThrownBy(() -> CreateIfAbsent.writeBytes(fs, target, bytes("second"), staging))
        .as(store.name())
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("File exists");
    assertThat(read(fs, target)).isEqualTo("first");

    org.apache.hadoop.fs.Path raced = StoreRuns.path(store.uri("exclusive"), "_delta_log/00000000000000000001.json");
    int writers = 4;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      List<java.util.concurrent.Future<String>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String content = "writer-" + i;
        results.add(pool.submit(() -> {
          start.await();
          try {
            CreateIfAbsent.writeBytes(fs, raced, bytes(content), staging);
            return content;
          } catch (FileAlreadyExistsException e) {
            return null;
          }
        }));
      }
      start.countDown();
      List<String> winners = new ArrayList<>();
      for (java.util.concurrent.Future<String> result : results) {
        String winner = result.get();
        if (winner != null) {
          winners.add(winner);
        }
      }

      if (serializesConditionalCreates()) {
        assertThat(winners).as("writers that created %s on %s", raced, store.name()).hasSize(1);
        assertThat(read(fs, raced)).isEqualTo(winners.get(0));
      } else {
        assertThat(winners).as("writers that created %s on %s", raced, store.name()).isNotEmpty();
        assertThat(winners).contains(read(fs, raced));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(11)
  void deltaTableSyncsToStoreAndBack() {
    Path lake = dir.resolve("delta-lake");
    TableShapes.deletionVectors(lake.resolve("events"));

    Cli.Result up = run("sync", lake.toString(), store.uri("synced"));

    assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(lake.resolve("events").toString(),
        store.uri("synced/events"))).isEqualTo(5);
    if (!store.name().equals("hdfs")) {
      assertThat(up.out()).contains("delta.enableInCommitTimestamps = true");
    }

    TableShapes.append(lake.resolve("events"), 1000, 10, 1);
    Cli.Result next = run("sync", lake.toString(), store.uri("synced"));
    Cli.Result again = run("sync", lake.toString(), store.uri("synced"));
    Cli.Result down = run("sync", store.uri("synced"), local("synced-back"));

    assertThat(next.out()).containsPattern("events\\s+synced\\s+5\\s");
    assertThat(again.out()).containsPattern("events\\s+up to date\\s+none\\s+0\\s");
    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(store.uri("synced/events"),
        dir.resolve("synced-back/events").toString())).isEqualTo(6);
  }

  @Test
  @Order(12)
  void tenThousandObjectsAreListedOnce() throws Exception {
    List<String> names = ListingScenario.objectNames(LISTED_OBJECTS);
    long writeStarted = System.nanoTime();
    store.writeObjects("listing", names);
    long writeMillis = (System.nanoTime() - writeStarted) / 1_000_000;

    long listStarted = System.nanoTime();
    JavaRDD<FileEntry> listed = ListingScenario.list(StoreRuns.configuration(stores()), store.uri("listing"));
    long count = listed.count();
    long listMillis = (System.nanoTime() - listStarted) / 1_000_000;

    System.out.printf("Listing %d objects on %s: wrote them in %d ms, listed them in %d ms%n",
        LISTED_OBJECTS, store.name(), writeMillis, listMillis);
    assertThat(count).as("entries listed on %s", store.name()).isEqualTo(LISTED_OBJECTS);
    ListingScenario.assertEachObjectListedOnce(listed, LISTED_OBJECTS);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String read(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
    try (var in = fs.open(file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
