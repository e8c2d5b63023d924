package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every config and usage error exits 2 before Spark starts, naming the key, where it was set and the fix. */
class ConfigErrorsTest {
  @TempDir Path dir;
  private Path source;
  private Path target;
  private String stderr;

  @BeforeEach
  void createRoots() throws IOException {
    source = Files.createDirectories(dir.resolve("source"));
    target = dir.resolve("target");
  }

  private ExitCode run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExitCode code = LeptonMigrate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    stderr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  private ExitCode copyWithConfig(String hocon, String... extra) throws IOException {
    Path file = Files.writeString(dir.resolve("job.conf"), hocon);
    List<String> args = new ArrayList<>(List.of("plan", "--config", file.toString(),
        "--source", source.toString(), "--target", target.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void unknownKeyNamesKeyFileLineAndSuggestion() throws IOException {
    ExitCode code = copyWithConfig("migration {\n  copy {\n    chcksum = md5\n  }\n}\n");
    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("unknown key migration.copy.chcksum")
        .contains(dir.resolve("job.conf").toString() + ", line 3")
        .contains("Did you mean migration.copy.checksum?");
  }

  @Test
  void misspeltRootNamesFileLineAndSuggestion() throws IOException {
    ExitCode code = copyWithConfig("# job settings\nmigraton {\n  copy { checksum = md5 }\n}\n");

    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("unknown top-level key migraton");
    assertThat(stderr).contains(dir.resolve("job.conf").toString() + ", line 2");
    assertThat(stderr).contains("Did you mean migration?");
  }

  @Test
  void unrelatedTopLevelKeyIsRejected() throws IOException {
    ExitCode code = copyWithConfig("migration.copy.checksum = md5\nspark.master = \"local[4]\"\n");

    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("unknown top-level key spark");
    assertThat(stderr).contains(dir.resolve("job.conf").toString() + ", line 2");
    assertThat(stderr).doesNotContain("Did you mean");
    assertThat(stderr).contains("Every setting goes under the root 'migration'");
  }

  @Test
  void renameToParentFolderIsRejected() throws IOException {
    ExitCode code = copyWithConfig("migration.copy.rename { \"a:b.txt\" = \"../a_b.txt\" }\n");

    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("migration.copy.rename maps \"a:b.txt\" to \"../a_b.txt\"")
        .contains(dir.resolve("job.conf").toString() + ", line 1")
        .contains("must be relative paths without '.' or '..' segments");
  }

  @Test
  void unknownTopLevelKeyUnderMigrationIsRejected() throws IOException {
    assertThat(copyWithConfig("migration.sourc = \"/x\"\n")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("unknown key migration.sourc").contains("Did you mean migration.source?");
  }

  @Test
  void invalidSourceUriNamesFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("roots.conf"), "migration.source = \"s3a:///lake\"\n");

    assertThat(run("plan", "--config", file.toString(), "--target", target.toString()))
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("Cannot use migration.source (config file " + file + ", line 1) 's3a:///lake'")
        .contains("names no bucket");
  }

  @Test
  void missingRequiredKeyNamesTheOption() {
    assertThat(run("copy", "--source", source.toString())).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("required key migration.target is not set").contains("--target");
  }

  @Test
  void wrongTypeNamesKeyValueAndLine() throws IOException {
    ExitCode code = copyWithConfig("migration.copy.max-attempts = many\n");
    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("migration.copy.max-attempts").contains("many").contains("line 1");
  }

  @Test
  void invalidEnumValueListsTheAllowedValues() throws IOException {
    assertThat(copyWithConfig("migration.copy.checksum = crc64\n")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("migration.copy.checksum").contains("crc64").contains("crc32c, md5, sha256");
  }

  @Test
  void outOfRangeSizeGivesTheRange() throws IOException {
    assertThat(copyWithConfig("migration.copy.buffer-size = 1 KiB\n")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("migration.copy.buffer-size").contains("1 KiB").contains("between 4096");
  }

  @Test
  void setOverridesAreCheckedLikeFileKeys() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--set", "migration.copy.verify=sometimes")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("migration.copy.verify").contains("sometimes").contains("command line --set");
  }

  @Test
  void setOutsideMigrationPointsToConf() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--set", "fs.s3a.endpoint=x")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("--set fs.s3a.endpoint").contains("--conf");
  }

  @Test
  void confWithJobKeyPointsToSet() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--conf", "migration.copy.checksum=md5")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("Cannot apply --conf migration.copy.checksum");
    assertThat(stderr).contains("Write --set migration.copy.checksum=md5.");
  }

  @Test
  void confJobKeyWithoutValue() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--conf", "migration.copy.checksum")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("Write --set migration.copy.checksum=VALUE.");
  }

  @Test
  void confWithoutValueShowsSparkExample() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--conf", "spark.executor.memory")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("--conf 'spark.executor.memory' is not of the form KEY=VALUE");
    assertThat(stderr).contains("--conf spark.executor.memory=8g");
    assertThat(stderr).doesNotContain("migration.");
  }

  @Test
  void confWithBareHadoopKeyShowsPrefix() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--conf", "fs.s3a.endpoint=http://127.0.0.1:9000")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("Write --conf spark.hadoop.fs.s3a.endpoint=...");
  }

  @Test
  void setWithoutValueShowsJobExample() {
    assertThat(run("plan", "--source", source.toString(), "--target", target.toString(),
        "--set", "migration.copy.checksum")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("Write, for example, --set migration.copy.checksum=md5.");
  }

  @Test
  void hoconSyntaxErrorNamesTheFile() throws IOException {
    assertThat(copyWithConfig("migration { copy { checksum = md5 }\n")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("Cannot parse config file").contains("job.conf");
  }

  @Test
  void missingConfigFileIsReported() {
    assertThat(run("plan", "--config", dir.resolve("absent.conf").toString())).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("absent.conf").contains("does not exist");
  }

  @Test
  void overlappingSourceAndTargetAreRejected() {
    assertThat(run("copy", "--source", source.toString(), "--target", source.resolve("copy").toString()))
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("one contains the other");
    assertThat(run("copy", "--source", source.toString(), "--target", source.toString()))
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("the same folder");
  }

  @Test
  void unknownCommandAndOptionAreUsageErrors() {
    assertThat(run("cpoy")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("no such command");
    assertThat(run("copy", "--sorce", "x")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr).contains("unknown option --sorce");
  }

  @Test
  void helpExitsZero() {
    assertThat(run("--help")).isEqualTo(ExitCode.SUCCESS);
    assertThat(run("copy", "--help")).isEqualTo(ExitCode.SUCCESS);
  }
}
