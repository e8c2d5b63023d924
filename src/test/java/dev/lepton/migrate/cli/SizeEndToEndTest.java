package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.config.ConfigLoader;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.report.Units;
import dev.lepton.migrate.sizing.ManifestSample;
import dev.lepton.migrate.sizing.Recommendation;
import dev.lepton.migrate.sizing.Sizing;
import dev.lepton.migrate.sizing.ThroughputModel;
import dev.lepton.migrate.sizing.Workload;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies 40 local files of 2 to 15 MiB through the command line and copies them again, which skips
 * them all, then sizes a migration from the manifest of the two runs.
 */
class SizeEndToEndTest {
  private static final int FILES = 40;
  private static final String CATALOG = "conf/size-catalog-example.conf";

  @TempDir static Path dir;
  private static Path target;
  private static String runId;
  private static String rerunId;

  @BeforeAll
  static void copySample() throws IOException {
    Path source = dir.resolve("source");
    target = dir.resolve("target");
    Random random = new Random(11);
    for (int i = 0; i < FILES; i++) {
      // Eight large files make the time per byte stand out from the noise of local copies, and files of at
      // least 2 MiB take at least 1 ms, the resolution of the manifest's times.
      long size = i < 32 ? (2048 + 64L * i) << 10 : (8L + i - 32) << 20;
      Trees.write(source.resolve("part-" + i + ".bin"), size, random);
    }
    Cli.Result copy = Cli.run("copy", "--source", source.toString(), "--target", target.toString());
    assertThat(copy.code()).as(copy.err()).isEqualTo(ExitCode.SUCCESS);
    runId = StateTables.latestRunId(target);
    // A rerun skips every file, so its run has manifest rows but no measured copy.
    Cli.Result rerun = Cli.run("copy", "--source", source.toString(), "--target", target.toString());
    assertThat(rerun.code()).as(rerun.err()).isEqualTo(ExitCode.SUCCESS);
    rerunId = StateTables.latestRunId(target);
  }

  private static Cli.Result size(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("size", "--target", target.toString()));
    args.addAll(Arrays.asList(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void printsNodeCountsOfTheFittedModel() throws IOException {
    Cli.Result result = size("--volume", "100TiB", "--files", "3000000", "--window", "12h", "--config", CATALOG);

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.statusCounts(target, runId)).isEqualTo(Map.of("copied", (long) FILES));
    long copied = StateTables.manifest(target).filter(functions.col("status").equalTo("copied")
        .and(functions.col("duration_ms").gt(0)).and(functions.col("attempts").equalTo(1))).count();
    assertThat(copied).isEqualTo(FILES);
    assertThat(result.out()).contains("Throughput model from " + FILES + " copied files");
    assertThat(result.out()).contains("of run " + runId + ":");

    Sizing.Plan expected = expectedPlan();
    assertThat(expected.model().samples()).isEqualTo(FILES);
    for (Recommendation recommendation : expected.recommendations()) {
      List<String> columns = tableRow(result.out(), recommendation.instance().name());
      assertThat(columns.get(5)).as(recommendation.instance().name() + " by slots")
          .isEqualTo(Units.count(recommendation.nodesBySlots()));
      assertThat(columns.get(6)).as(recommendation.instance().name() + " by network")
          .isEqualTo(Units.count(recommendation.nodesByNetwork()));
      assertThat(columns.get(7)).as(recommendation.instance().name() + " nodes")
          .isEqualTo(Units.count(recommendation.nodes()));
      assertThat(columns.get(8)).as(recommendation.instance().name() + " executor cores")
          .isEqualTo(Units.count(recommendation.totalSlots()));
    }
    // The sample is 32 x 2,048 KiB + 64 KiB x (0 + ... + 31) + (8 + ... + 15) MiB = 191,488 KiB, and its copy
    // report counts no throttled request.
    assertThat(result.out()).contains("The sample copied only 187.0 MiB, below 1.0 GiB");
    assertThat(result.out()).doesNotContain("left out of the fit");
    assertThat(result.out()).doesNotContain("throttled");
  }

  /** Returns what the sizing code computes for the sample and the workload of the test above. */
  private static Sizing.Plan expectedPlan() {
    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(Optional.of(Path.of(CATALOG)),
        Optional.empty(), Optional.of(target.toString()), Map.of(), Set.of("migration.target")));
    Location stateDir = Location.parse(target.resolve("_lepton").toString(), "test");
    Configuration conf = new Configuration();
    FileSystem fs = dev.lepton.migrate.store.Stores.fileSystem(stateDir, conf);
    ManifestSample.Sample sample = ManifestSample.read(fs, conf, stateDir, Set.of(), "hint");
    ThroughputModel model = sample.fit().fit(30, List.copyOf(sample.sampledByRun().keySet()), "hint");
    Workload workload = new Workload(100L << 40, 3_000_000, Duration.ofHours(12));
    return Sizing.plan(model, workload, config.size(), 2);
  }

  private static List<String> tableRow(String out, String instance) {
    return out.lines().map(String::trim).filter(l -> l.startsWith(instance + " ")).findFirst()
        .map(l -> List.of(l.split("\\s+")))
        .orElseThrow(() -> new AssertionError("No table row for " + instance + " in:\n" + out));
  }

  @Test
  void fitsOnlyTheGivenRun() {
    Cli.Result result = size("--volume", "1TiB", "--avg-file-size", "4MiB", "--window", "2h", "--run", runId);

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(result.out()).contains("Throughput model from " + FILES + " copied files");
    assertThat(result.out()).contains("1.0 TiB in 262,144 files (mean 4.0 MiB)");
    assertThat(result.out()).contains("No instance types are configured under migration.size.instances");
  }

  @Test
  void rejectsUnknownRun() {
    Cli.Result result = size("--volume", "1TiB", "--files", "1000", "--window", "2h", "--run", "20200101-000000-abcdef");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("Cannot size from run 20200101-000000-abcdef")
        .contains("Runs in the manifest: " + runId + ", " + rerunId + ".");
  }

  @Test
  void rejectsRunWithoutCopies() {
    Cli.Result result = size("--volume", "1TiB", "--files", "1000", "--window", "2h", "--run", rerunId);

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("the sample has 0 copied files with a measured copy time")
        .contains("--run limited the sample to " + rerunId + "; leave it out to use every run.");
  }

  @Test
  void rejectsTargetWithoutManifest() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("never-copied"));

    Cli.Result result = Cli.run("size", "--target", empty.toString(), "--volume", "1TiB", "--files", "1000",
        "--window", "2h");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("Cannot size from the state folder").contains("it has no manifest")
        .contains("bin/lepton-migrate copy --source SAMPLE_SOURCE --target " + empty);
    assertThat(empty.resolve("_lepton")).doesNotExist();
  }

  @Test
  void rejectsSampleBelowMinimum() {
    Cli.Result result = size("--volume", "1TiB", "--files", "1000", "--window", "2h",
        "--set", "migration.size.min-samples=41");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("the sample has 40 copied files with a measured copy time")
        .contains("at least 41 (migration.size.min-samples)");
  }

  @Test
  void rejectsInvalidWorkload() {
    assertInvalid(new String[] {"--files", "1000", "--window", "2h"}, "--volume is missing");
    assertInvalid(new String[] {"--volume", "-5TiB", "--files", "1000", "--window", "2h"},
        "--volume -5TiB must be above 0 bytes");
    assertInvalid(new String[] {"--volume", "0", "--files", "1000", "--window", "2h"},
        "--volume 0 must be above 0 bytes");
    assertInvalid(new String[] {"--volume", "lots", "--files", "1000", "--window", "2h"},
        "--volume lots is not a size");
    assertInvalid(new String[] {"--volume", "1TiB", "--files", "1000", "--window", "soon"},
        "--window soon is not a duration");
    assertInvalid(new String[] {"--volume", "1TiB", "--files", "1000", "--window", "20s"},
        "--window 20s must be at least 1 minute");
    assertInvalid(new String[] {"--volume", "1TiB", "--files", "0", "--window", "2h"}, "--files 0 must be above 0");
    assertInvalid(new String[] {"--volume", "1TiB", "--files", "10", "--avg-file-size", "1MiB", "--window", "2h"},
        "give exactly one of --files");
  }

  private static void assertInvalid(String[] options, String message) {
    Cli.Result result = size(options);

    assertThat(result.code()).as(String.join(" ", options)).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains(message);
  }

  @Test
  void rejectsSizeOptionOnOtherCommand() {
    Cli.Result result = Cli.run("copy", "--source", "/tmp/a", "--target", "/tmp/b", "--volume", "1TiB");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("Cannot use --volume with copy: only size takes it");
  }

  @Test
  void helpDescribesOptions() {
    Cli.Result result = Cli.run("size", "--help");

    assertThat(result.code()).isEqualTo(ExitCode.SUCCESS);
    assertThat(result.out()).contains("Usage: lepton-migrate size --target URI --volume SIZE")
        .contains("--window DURATION");
  }
}
