package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify against targets that contain none of the source's files. An empty target folder is a
 * mismatch of every file, even though its tables cannot be counted.
 */
class VerifyRootsTest {
  @TempDir static Path dir;
  private static Path source;

  /** Writes two plain files and a Delta table of 100 rows partitioned by day. */
  @BeforeAll
  static void writeSource() throws IOException {
    source = dir.resolve("source");
    Trees.write(source.resolve("raw/a.bin"), 1000, new Random(1));
    Trees.write(source.resolve("raw/b.bin"), 2000, new Random(2));
    SharedSpark.session().range(0, 100).withColumn("day", functions.expr("id % 3"))
        .write().format("delta").partitionBy("day").save(source.resolve("events").toString());
  }

  @Test
  void emptyTargetIsMismatchNotUnverified() throws IOException {
    Path target = Files.createDirectories(dir.resolve("empty-target"));

    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString());

    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.FAILED);
    assertThat(verify.out()).contains("0 match").contains("unverified (target: not a Delta table)");
    assertThat(verify.out()).contains("Outcome: mismatch (exit 1)");
  }
}
