package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.TableShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncing back after cutover, and a run in which one of several tables fails. */
class SyncFailbackTest {
  @TempDir Path dir;

  private static Cli.Result sync(Path source, Path target) {
    return Cli.run("sync", "--source", source.toString(), "--target", target.toString());
  }

  @Test
  void syncBackWorksUntilBothSidesChange() {
    Path old = dir.resolve("old");
    Path fresh = dir.resolve("new");
    TableShapes.appendsAndOverwrite(old.resolve("orders"));
    assertThat(sync(old, fresh).code()).isEqualTo(ExitCode.SUCCESS);
    // Cutover: users now write to the new side only.
    TableShapes.append(fresh.resolve("orders"), 700, 10, 1);
    TableShapes.append(fresh.resolve("orders"), 800, 10, 1);

    Cli.Result back = sync(fresh, old);

    assertThat(back.code()).as(back.out() + back.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(back.out()).containsPattern("orders\\s+synced\\s+5 to 6");
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(fresh.resolve("orders"), old.resolve("orders")))
        .isEqualTo(7);

    TableShapes.append(old.resolve("orders"), 900, 1, 1);
    TableShapes.append(fresh.resolve("orders"), 950, 1, 1);
    Cli.Result bothChanged = sync(fresh, old);

    assertThat(bothChanged.code()).isEqualTo(ExitCode.TARGET_CONFLICT);
    assertThat(bothChanged.out()).contains("Cannot sync table 'orders': the target's log diverged from the"
        + " source's at version 7 (the commits at version 7 differ)");
  }

  @Test
  void oneFailingTableLeavesOthersSynced() throws IOException {
    Path source = dir.resolve("lake");
    Path target = dir.resolve("copy");
    for (String table : new String[] {"a", "b", "c"}) {
      TableShapes.append(source.resolve(table), 0, 10, 1);
      TableShapes.append(source.resolve(table), 10, 10, 1);
    }
    Path lost;
    try (Stream<Path> files = Files.list(source.resolve("b"))) {
      lost = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
    }
    Files.delete(lost);

    Cli.Result result = sync(source, target);

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out()).containsPattern("a\\s+synced\\s+0 to 1").containsPattern("c\\s+synced\\s+0 to 1")
        .containsPattern("b\\s+(incomplete|failed)\\s+");
    assertThat(result.out()).contains("b/" + lost.getFileName());
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source.resolve("a"), target.resolve("a"))).isEqualTo(2);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source.resolve("c"), target.resolve("c"))).isEqualTo(2);
  }
}
