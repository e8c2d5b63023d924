package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Copies one tree of awkward names, zero-byte files and a 300 MB file through the command line, then
 * checks reruns, corruption found by verify and recopied, and a conflicting target. The steps share
 * the tree and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CopyEndToEndTest {
  private static final long LARGE_FILE = 300L * 1000 * 1000;

  @TempDir static Path dir;
  private static Path source;
  private static Path target;
  private static List<String> written;

  @BeforeAll
  static void writeSource() throws IOException {
    source = dir.resolve("source");
    target = dir.resolve("target");
    written = Trees.writeAwkwardTree(source, 11);
    Trees.write(source.resolve("large/big file #1.bin"), LARGE_FILE, new Random(3));
  }

  private static Cli.Result copy() {
    return Cli.run("copy", "--source", source.toString(), "--target", target.toString());
  }

  @Test
  @Order(1)
  void copiesEveryFileByteForByte() throws IOException {
    Cli.Result result = copy();

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(source, target);
    String runId = StateTables.latestRunId(target);
    assertThat(StateTables.statusCounts(target, runId)).isEqualTo(Map.of("copied", (long) written.size() + 1));
    Row large = StateTables.manifest(target).filter(functions.col("path").equalTo("large/big file #1.bin")).first();
    assertThat(large.<Long>getAs("bytes_copied")).isEqualTo(LARGE_FILE);
    assertThat(large.<String>getAs("source_checksum")).isEqualTo(large.<String>getAs("target_checksum")).isNotNull();
    assertThat(large.<String>getAs("verify_level")).isEqualTo("checksum");
    assertThat(result.out()).contains("copied").contains(String.valueOf(written.size() + 1));
    assertThat(Files.exists(target.resolve("_lepton_staging"))).isFalse();
    assertThat(Trees.files(target, "_lepton")).noneMatch(p -> p.endsWith(".crc"));
  }

  @Test
  @Order(2)
  void rerunCopiesNothing() {
    Cli.Result result = copy();

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.SUCCESS);
    String runId = StateTables.latestRunId(target);
    assertThat(StateTables.statusCounts(target, runId)).isEqualTo(Map.of("skipped", (long) written.size() + 1));
    long written = StateTables.runs(target).filter(functions.col("run_id").equalTo(runId))
        .select("bytes_written").first().getLong(0);
    assertThat(written).isZero();
  }

  @Test
  @Order(3)
  void verifyFindsCorruptionAndNextCopyRepairsIt() throws IOException {
    String victim = "nested/level two/level=3/hash#tag.bin";
    try (RandomAccessFile file = new RandomAccessFile(target.resolve(victim).toFile(), "rw")) {
      file.seek(file.length() / 2);
      int original = file.read();
      file.seek(file.length() / 2);
      file.write(original ^ 0xff);
    }

    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString());

    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.FAILED);
    assertThat(verify.out()).contains("mismatch " + victim);
    String verifyRun = StateTables.latestRunId(target);
    assertThat(StateTables.reconciliation(target).filter("level = 'files'").orderBy(functions.col("checked_at").desc())
        .first().<String>getAs("status")).isEqualTo("mismatch");
    assertThat(StateTables.manifest(target).filter(functions.col("status").equalTo("mismatch"))
        .select("path").as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactly(victim);

    Cli.Result repair = copy();
    assertThat(repair.code()).as(repair.err()).isEqualTo(ExitCode.SUCCESS);
    String repairRun = StateTables.latestRunId(target);
    assertThat(repairRun).isNotEqualTo(verifyRun);
    assertThat(StateTables.statusCounts(target, repairRun))
        .containsEntry("copied", 1L)
        .containsEntry("skipped", (long) written.size());
    Trees.assertSameFiles(source, target);
    assertThat(Cli.run("verify", "--source", source.toString(), "--target", target.toString()).code())
        .isEqualTo(ExitCode.SUCCESS);
  }

  @Test
  @Order(4)
  void targetWithDifferentFilesExitsThreeAndCopiesNothing() throws IOException {
    Path other = dir.resolve("occupied");
    Files.createDirectories(other);
    Files.writeString(other.resolve("plain.csv"), "not the source's bytes");

    Cli.Result result = Cli.run("copy", "--source", source.toString(), "--target", other.toString());

    assertThat(result.code()).isEqualTo(ExitCode.TARGET_CONFLICT);
    assertThat(result.err()).contains("plain.csv").contains("migration.copy.on-conflict = overwrite");
    assertThat(Trees.files(other)).containsExactly("plain.csv");
  }

  @Test
  @Order(5)
  void deltaTableCopyKeepsRowCountsAtEveryVersion() {
    SparkSession spark = SharedSpark.session();
    Path tableSource = dir.resolve("lake");
    String table = tableSource.resolve("events").toString();
    spark.range(0, 1000).withColumn("day", functions.expr("id % 7"))
        .write().format("delta").partitionBy("day").option("delta.checkpointInterval", "2").save(table);
    for (int i = 1; i <= 3; i++) {
      spark.range(1000L * i, 1000L * i + 500).withColumn("day", functions.expr("id % 7"))
          .write().format("delta").mode("append").save(table);
    }
    spark.sql("DELETE FROM delta.`" + table + "` WHERE day = 3");
    Path tableTarget = dir.resolve("lake-copy");

    Cli.Result result = Cli.run("copy", "--source", tableSource.toString(), "--target", tableTarget.toString());

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.SUCCESS);
    String copied = tableTarget.resolve("events").toString();
    for (long version = 0; version <= 4; version++) {
      long expected = spark.read().format("delta").option("versionAsOf", version).load(table).count();
      long actual = spark.read().format("delta").option("versionAsOf", version).load(copied).count();
      assertThat(actual).as("rows at version %d", version).isEqualTo(expected);
    }
    assertThat(Files.exists(tableTarget.resolve("events/_delta_log/_last_checkpoint"))).isTrue();
    Cli.Result verify = Cli.run("verify", "--source", tableSource.toString(), "--target", tableTarget.toString());
    assertThat(verify.code()).as(verify.out()).isEqualTo(ExitCode.SUCCESS);
    String rows = String.format(java.util.Locale.ROOT, "%,d", spark.read().format("delta").load(table).count());
    assertThat(verify.out()).containsPattern("events\\s+" + rows + "\\s+" + rows + "\\s+match");
  }
}
