package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.TableShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync and generate exit 2 without writing anything when the target or the state folder is a file,
 * or lies below one.
 */
class TargetIsFileTest {
  private static final String TARGET_FIX = "Set migration.target (or --target) to a folder, or to a path that does"
      + " not exist yet.";
  private static final String STATE_FIX = "Set migration.state-dir (or --state-dir) to a folder, or to a path that"
      + " does not exist yet.";

  @TempDir static Path lakeDir;
  @TempDir Path dir;
  private static Path lake;
  private Path file;

  @BeforeAll
  static void writeLake() throws IOException {
    lake = lakeDir.resolve("lake");
    TableShapes.append(lake.resolve("events"), 0, 10, 1);
    Files.writeString(Files.createDirectories(lake.resolve("raw")).resolve("a.csv"), "a\n");
  }

  @BeforeEach
  void writeFile() throws IOException {
    file = Files.writeString(dir.resolve("target-file.txt"), "not a folder\n");
  }

  private static Cli.Result sync(Path target, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("sync", "--source", lake.toString(), "--target",
        target.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static Cli.Result generate(Path target) {
    return Cli.run("generate", "--target", target.toString(), "--set", "migration.generate.scale-factor=0.001",
        "--set", "migration.generate.raw-size=1 MiB");
  }

  /** Asserts exit 2 with {@code message} as the only error, and that the folder still contains only the file. */
  private void assertRejected(Cli.Result result, String message) throws IOException {
    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("ERROR: " + message + System.lineSeparator());
    assertThat(Files.readString(file)).isEqualTo("not a folder\n");
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("target-file.txt");
    }
  }

  @Test
  void syncTargetIsFile() throws IOException {
    Cli.Result result = sync(file);

    assertRejected(result, "Cannot sync to file:" + file + ": it is a file, not a folder. " + TARGET_FIX);
  }

  @Test
  void syncTargetBelowFile() throws IOException {
    Path target = file.resolve("target");

    Cli.Result result = sync(target);

    assertRejected(result, "Cannot sync to file:" + target + ": file:" + file + " is a file, not a folder. "
        + TARGET_FIX);
  }

  @Test
  void syncStateDirIsFile() throws IOException {
    Cli.Result result = sync(dir.resolve("target"), "--state-dir", file.toString());

    assertRejected(result, "Cannot use the state folder file:" + file + ": it is a file, not a folder. " + STATE_FIX);
  }

  @Test
  void syncStateDirBelowFile() throws IOException {
    Path state = file.resolve("state");

    Cli.Result result = sync(dir.resolve("target"), "--state-dir", state.toString());

    assertRejected(result, "Cannot use the state folder file:" + state + ": file:" + file + " is a file, not a"
        + " folder. " + STATE_FIX);
  }

  @Test
  void syncDefaultStateFolderIsFile() throws IOException {
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.writeString(target.resolve("_lepton"), "not the state folder\n");

    Cli.Result result = sync(target);

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("ERROR: Cannot use the state folder file:" + target.resolve("_lepton")
        + ": it is a file, not a folder. " + STATE_FIX + System.lineSeparator());
    try (Stream<Path> entries = Files.list(target)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("_lepton");
    }
    assertThat(Files.readString(target.resolve("_lepton"))).isEqualTo("not the state folder\n");
  }

  @Test
  void generateTargetIsFile() throws IOException {
    Cli.Result result = generate(file);

    assertRejected(result, "Cannot generate sample data in file:" + file + ": it is a file, not a folder. "
        + TARGET_FIX);
  }

  @Test
  void generateTargetBelowFile() throws IOException {
    Path target = file.resolve("sample");

    Cli.Result result = generate(target);

    assertRejected(result, "Cannot generate sample data in file:" + target + ": file:" + file + " is a file, not a"
        + " folder. " + TARGET_FIX);
  }
}
