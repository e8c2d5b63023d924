package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands whose source or target root is missing or empty. A missing source is invalid input that
 * names where migration.source was set, and nothing is written. A target that contains none of the
 * source's files is a mismatch of every file, even though its tables cannot be counted.
 */
class RootsTest {
  /** The start of each command's missing-source error, up to the source URI. */
  private static final Map<String, String> MISSING_SOURCE_ACTIONS = Map.of(
      "copy", "Cannot copy from ",
      "plan", "Cannot plan a copy from ",
      "verify", "Cannot verify a copy from ",
      "sync", "Cannot sync from ");

  @TempDir static Path dir;
  private static Path source;
  private static Path missingSource;

  /** Writes two plain files and a Delta table of 100 rows partitioned by day. */
  @BeforeAll
  static void writeSource() throws IOException {
    source = dir.resolve("source");
    missingSource = dir.resolve("no-such-source");
    Trees.write(source.resolve("raw/a.bin"), 1000, new Random(1));
    Trees.write(source.resolve("raw/b.bin"), 2000, new Random(2));
    SharedSpark.session().range(0, 100).withColumn("day", functions.expr("id % 3"))
        .write().format("delta").partitionBy("day").save(source.resolve("events").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"copy", "plan", "verify", "sync"})
  void missingSourceFromFileNamesFileAndLine(String command) throws IOException {
    Path config = Files.writeString(dir.resolve(command + ".conf"),
        "migration {\n  source = \"" + missingSource + "\"\n}\n");
    Path target = dir.resolve(command + "-target-of-file-config");

    Cli.Result result = Cli.run(command, "--config", config.toString(), "--target", target.toString());

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains(MISSING_SOURCE_ACTIONS.get(command) + "file:" + missingSource
        + ": the folder does not exist");
    assertThat(result.err()).contains("Check migration.source (config file " + config + ", line 2)");
    assertThat(target).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"copy", "plan", "verify", "sync"})
  void missingSourceFromCommandLineNamesOption(String command) {
    Path target = dir.resolve(command + "-target-of-command-line");

    Cli.Result result = Cli.run(command, "--source", missingSource.toString(), "--target", target.toString());

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains(MISSING_SOURCE_ACTIONS.get(command) + "file:" + missingSource);
    assertThat(result.err()).contains("Check migration.source (command line --source)");
    assertThat(target).doesNotExist();
  }

  @Test
  void missingTargetIsMismatchAndStaysMissing() {
    Path target = dir.resolve("missing-target");

    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString());

    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.FAILED);
    assertThat(verify.out()).containsPattern("Files: (\\d+) checked, 0 match, \\1 mismatch, 0 unverified");
    assertThat(verify.out()).doesNotContain("Files: 0 checked");
    assertThat(verify.out()).contains("Note: the target folder file:" + target + " does not exist");
    assertThat(verify.out()).contains("Check migration.target (command line --target)");
    assertThat(verify.out()).contains("Note: nothing was recorded");
    assertThat(verify.out()).contains("Outcome: mismatch (exit 1)");
    assertThat(target).doesNotExist();
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
