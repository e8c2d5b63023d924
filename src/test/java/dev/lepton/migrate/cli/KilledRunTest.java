package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.HaltingFileSystem;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.Trees;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy killed half way, as by kill -9, and run again ends with every file copied exactly once. */
class KilledRunTest {
  private static final int FILES = 200;

  @TempDir Path dir;

  @Test
  void rerunAfterKillCopiesEachFileOnce() throws Exception {
    Path source = dir.resolve("source");
    Path target = dir.resolve("target");
    Random random = new Random(5);
    for (int i = 0; i < FILES; i++) {
      Trees.write(source.resolve("part " + (i % 10) + "/file-" + i + ".bin"), 10_000 + random.nextInt(30_000), random);
    }

    Process killed = startHaltingCopy(source, target, FILES / 2);
    assertThat(killed.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(killed.exitValue()).as(Files.readString(dir.resolve("killed.log"))).isEqualTo(137);
    long finishedBeforeKill = Trees.files(target, "_lepton", "_lepton_staging").size();
    assertThat(finishedBeforeKill).isBetween(1L, (long) FILES - 1);

    Cli.Result rerun = Cli.run("copy", "--source", source.toString(), "--target", target.toString());

    assertThat(rerun.code()).as(rerun.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(source, target);
    assertThat(Files.exists(target.resolve("_lepton_staging"))).isFalse();
    List<Row> perPath = StateTables.manifest(target)
        .groupBy("path")
        .agg(functions.sum(functions.expr("IF(status = 'copied', 1, 0)")).as("copies"),
            functions.sum(functions.expr("IF(status IN ('copied', 'adopted'), 1, 0)")).as("present"))
        .collectAsList();
    assertThat(perPath).hasSize(FILES);
    assertThat(perPath).allSatisfy(row -> {
      assertThat(row.getLong(1)).as("copies of %s", row.getString(0)).isLessThanOrEqualTo(1);
      assertThat(row.getLong(2)).as("copied or adopted rows of %s", row.getString(0)).isEqualTo(1);
    });
    long killedRunRows = StateTables.manifest(target)
        .filter(functions.col("run_id").notEqual(StateTables.latestRunId(target))).count();
    assertThat(killedRunRows).as("rows of tasks that finished before the kill").isPositive();
  }

  private Process startHaltingCopy(Path source, Path target, int haltAfter) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
        .toList());
    command.add("-Xmx2g");
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeptonMigrate.class.getName(), "copy",
        "--source", source.toString(), "--target", target.toString(),
        "--set", "migration.plan.task-size=1MiB",
        "--conf", "spark.master=local[2]",
        "--conf", "spark.hadoop.fs.file.impl=" + HaltingFileSystem.class.getName(),
        "--conf", "spark.hadoop.fs.file.impl.disable.cache=true",
        "--conf", "spark.hadoop." + HaltingFileSystem.HALT_AFTER + "=" + haltAfter));
    File log = dir.resolve("killed.log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }
}
