package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.CorruptingFileSystem;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that comes back corrupt is caught by the checksum check, retried, and failed when it persists. */
class CorruptWriteTest {
  @TempDir Path dir;

  @BeforeAll
  static void registerScheme() {
    SharedSpark.session().sparkContext().hadoopConfiguration()
        .set("fs.corrupt.impl", CorruptingFileSystem.class.getName());
  }

  private Path source() throws Exception {
    Path source = dir.resolve("source");
    Trees.write(source.resolve("data/one.bin"), 100_000, new Random(1));
    return source;
  }

  /** Keeps the state folder on file:// because Delta commits need a store with atomic renames. */
  private Path stateDir() {
    return dir.resolve("state");
  }

  private Row manifestRow() {
    return SharedSpark.session().read().format("delta").load(stateDir().resolve("manifest").toString())
        .filter(functions.col("path").equalTo("data/one.bin")).first();
  }

  @Test
  void corruptFirstWriteIsRetried() throws Exception {
    Path source = source();
    Path target = dir.resolve("target");
    CorruptingFileSystem.corruptNextWrites(1);

    Cli.Result result = Cli.run("copy", "--source", source.toString(), "--target", "corrupt://" + target,
        "--set", "migration.copy.retry-backoff=0s", "--state-dir", stateDir().toString());

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.SUCCESS);
    Row row = manifestRow();
    assertThat(row.<String>getAs("status")).isEqualTo("copied");
    assertThat(row.<Integer>getAs("attempts")).isEqualTo(2);
    assertThat(Files.mismatch(source.resolve("data/one.bin"), target.resolve("data/one.bin"))).isEqualTo(-1L);
  }

  @Test
  void persistentCorruptionFailsAfterMaxAttempts() throws Exception {
    Path source = source();
    Path target = dir.resolve("target");
    CorruptingFileSystem.corruptNextWrites(Integer.MAX_VALUE);
    try {
      Cli.Result result = Cli.run("copy", "--source", source.toString(), "--target", "corrupt://" + target,
          "--set", "migration.copy.retry-backoff=0s", "--set", "migration.copy.max-attempts=3",
          "--state-dir", stateDir().toString());

      assertThat(result.code()).isEqualTo(ExitCode.FAILED);
      assertThat(result.out()).contains("data/one.bin [failed]").contains("differs after the write");
      Row row = manifestRow();
      assertThat(row.<String>getAs("status")).isEqualTo("failed");
      assertThat(row.<Integer>getAs("attempts")).isEqualTo(3);
      assertThat(Files.exists(target.resolve("data/one.bin"))).as("no corrupt file under the final name").isFalse();
    } finally {
      CorruptingFileSystem.corruptNextWrites(0);
    }
  }
}
