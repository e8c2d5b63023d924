package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.config.ConfigLoader;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.Differ;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans a sync of plain files against a manifest that the planner reads without Spark SQL, and
 * checks that a file is skipped only when the manifest confirms it.
 */
class CopyPlannerTest {
  @TempDir Path dir;

  private static ManifestRow row(String path, Path file, long timeShift, String status, String checksum)
      throws IOException {
    long time = Files.getLastModifiedTime(file).toMillis() + timeShift;
    return new ManifestRow("run-1", path, Files.size(file), time, null, "crc32c", checksum, checksum, "none", status,
        "checksum", Files.size(file), 1, 1, null, 100, null);
  }

  @Test
  void syncPlanSkipsOnlyConfirmedFiles() throws IOException {
    Path source = dir.resolve("source");
    Path target = dir.resolve("target");
    for (String name : List.of("same.csv", "failed.csv", "touched.csv", "unverified.csv")) {
      Files.createDirectories(source.resolve("folder"));
      Files.createDirectories(target.resolve("folder"));
      Files.writeString(source.resolve("folder").resolve(name), "content of " + name);
      Files.writeString(target.resolve("folder").resolve(name), "content of " + name);
    }
    Files.writeString(source.resolve("new.csv"), "new");
    Files.writeString(target.resolve("extra.csv"), "only on the target");
    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(
        Optional.empty(), Optional.of(source.toString()), Optional.of(target.toString()), Map.of(), Set.of()));
    RunLayout layout = RunLayout.of(config);
    Path folder = source.resolve("folder");
    new ManifestStore(SharedSpark.session(), layout.stateDir()).appendOnDriver(List.of(
        row("folder/same.csv", folder.resolve("same.csv"), 0, "copied", "AAAA"),
        row("folder/failed.csv", folder.resolve("failed.csv"), 0, "failed", null),
        row("folder/touched.csv", folder.resolve("touched.csv"), -5_000, "copied", "BBBB"),
        row("folder/unverified.csv", folder.resolve("unverified.csv"), -5_000, "copied", null)));
    HadoopConf conf = new HadoopConf(SharedSpark.session().sparkContext().hadoopConfiguration());
    CopyPlanner.Scope scope = new CopyPlanner.Scope(List.of(), List.of(), Differ.ChangeDetection.IDENTITY_THEN_CHECKSUM);

    PlanResult plan = new CopyPlanner(SharedSpark.session(), conf, config, layout, scope).plan();

    Map<String, FileAction> actions = new HashMap<>();
    for (PlannedFile file : plan.files().collect()) {
      actions.put(file.relativePath(), file.action());
    }
    assertThat(actions).containsEntry("folder/same.csv", FileAction.SKIP);
    assertThat(actions).containsEntry("folder/failed.csv", FileAction.COPY);
    assertThat(actions).containsEntry("folder/touched.csv", FileAction.RECHECK);
    assertThat(actions).containsEntry("folder/unverified.csv", FileAction.COPY);
    assertThat(actions).containsEntry("new.csv", FileAction.COPY);
    assertThat(actions).hasSize(5);
    assertThat(plan.totals().extraTargetFiles()).isEqualTo(1);
    assertThat(plan.extraTargetFiles().map(FileEntry::relativePath).collect()).containsExactly("extra.csv");
  }
}
