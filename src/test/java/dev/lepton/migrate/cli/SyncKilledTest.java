package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.HaltingFileSystem;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.TableShapes;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync killed as by kill -9, in the data phase or half way through writing the log, and run again
 * ends with every file once, no torn commit and the target reading the same as the source.
 */
class SyncKilledTest {
  private static final int VERSIONS = 3;
  private static final int FILES_PER_VERSION = 8;

  @TempDir Path dir;

  /**
   * Halts a sync at one of its staging files, then runs it again. Each data file and each log file
   * passes through one staging file, data files first. Halting at
   * staging file 10 stops the data phase. Halting at staging file 28 stops the log phase after the
   * commit and checksum files of version 0 are published.
   */
  @ParameterizedTest(name = "halted at staging file {0} ({1})")
  @CsvSource({"10, data phase, false", "28, log phase, true"})
  void rerunAfterKillCompletesTheSync(int haltAt, String phase, boolean firstCommitWritten) throws Exception {
    Path source = dir.resolve("lake");
    Path target = dir.resolve("copy");
    for (int v = 0; v < VERSIONS; v++) {
      TableShapes.append(source.resolve("events"), v * 1000L, 800, FILES_PER_VERSION);
    }

    Process killed = startHaltingSync(source, target, haltAt);
    assertThat(killed.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(killed.exitValue()).as(Files.readString(dir.resolve("killed.log"))).isEqualTo(137);
    assertThat(Files.exists(target.resolve("events/_delta_log/00000000000000000000.json")))
        .as("first commit written before the kill").isEqualTo(firstCommitWritten);
    assertThat(Files.exists(target.resolve("events/_delta_log/00000000000000000002.json"))).isFalse();
    expireLeases(target);

    Cli.Result rerun = Cli.run("sync", "--source", source.toString(), "--target", target.toString());

    assertThat(rerun.code()).as(rerun.out() + rerun.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(rerun.out()).contains("took over the expired lease of run ");
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source.resolve("events"), target.resolve("events")))
        .isEqualTo(VERSIONS);
    assertThat(visibleFiles(target.resolve("events"))).isEqualTo(visibleFiles(source.resolve("events")));
    assertThat(target.resolve("_lepton_staging")).doesNotExist();
    List<Row> perPath = StateTables.manifest(target).groupBy("path")
        .agg(functions.sum(functions.expr("IF(status = 'copied', 1, 0)")).as("copies"))
        .collectAsList();
    assertThat(perPath).allSatisfy(row -> assertThat(row.getLong(1)).as("copies of %s", row.getString(0))
        .isLessThanOrEqualTo(1));
  }

  /** Makes the killed run's leases expire, as they would once their duration passed. */
  private static void expireLeases(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(target.resolve("_lepton/locks"))) {
      for (Path lease : files.filter(p -> p.getFileName().toString().matches("lease-\\d{10}\\.json")).toList()) {
        String json = Files.readString(lease);
        Files.writeString(lease, json.replaceAll("\"expires\" : \"[^\"]+\"", "\"expires\" : \"2000-01-01T00:00:00Z\""));
      }
    }
  }

  private static Set<String> visibleFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(HashSet::new));
    }
  }

  private Process startHaltingSync(Path source, Path target, int haltAt) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
        .toList());
    command.add("-Xmx2g");
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeptonMigrate.class.getName(), "sync",
        "--source", source.toString(), "--target", target.toString(),
        "--set", "migration.plan.task-size=1MiB",
        "--conf", "spark.master=local[2]",
        "--conf", "spark.hadoop.fs.file.impl=" + HaltingFileSystem.class.getName(),
        "--conf", "spark.hadoop.fs.file.impl.disable.cache=true",
        "--conf", "spark.hadoop." + HaltingFileSystem.HALT_AFTER + "=" + haltAt));
    File log = dir.resolve("killed.log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }
}
