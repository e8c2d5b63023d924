package dev.lepton.migrate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies between two loopback stores through the command line: S3 to GCS, GCS to ABFS, HDFS to S3
 * and ABFS to local files. Each case seeds the source store from one local tree of awkward names
 * (less ':' and trailing dots, which HDFS and ABFS cannot hold), copies it across, verifies, and
 * copies the result back to local files to compare bytes. State folders stay on the target store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossStoreTest {
  private Path dir;
  private Path tree;
  private List<String> treeFiles;
  private TestStore s3;
  private TestStore gcs;
  private TestStore abfs;
  private TestStore hdfs;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    tree = dir.resolve("tree");
    treeFiles = ContractTrees.write(tree, p -> !p.contains(":") && !p.endsWith("."));
    s3 = TestStores.s3mock(Files.createDirectories(dir.resolve("s3mock")));
    gcs = TestStores.gcs(Files.createDirectories(dir.resolve("gcs")));
    abfs = TestStores.abfs(Files.createDirectories(dir.resolve("abfs")));
    hdfs = TestStores.hdfs(Files.createDirectories(dir.resolve("hdfs")));
  }

  @AfterAll
  void stop() throws Exception {
    for (TestStore store : new TestStore[] {s3, gcs, abfs, hdfs}) {
      if (store != null) {
        store.close();
      }
    }
  }

  @Test
  void s3ToGcs() throws Exception {
    copyAcross(s3, gcs, "s3-to-gcs");
  }

  @Test
  void gcsToAbfs() throws Exception {
    copyAcross(gcs, abfs, "gcs-to-abfs");
  }

  @Test
  void hdfsToS3() throws Exception {
    copyAcross(hdfs, s3, "hdfs-to-s3");
  }

  @Test
  void abfsToLocal() throws Exception {
    String source = abfs.uri("abfs-to-local/source");
    Cli.Result seed = StoreRuns.run(List.of(abfs), "copy", tree.toString(), source);
    assertThat(seed.code()).as(seed.out() + seed.err()).isEqualTo(ExitCode.SUCCESS);
    Path target = dir.resolve("abfs-to-local");

    Cli.Result copy = StoreRuns.run(List.of(abfs), "copy", source, target.toString());

    assertThat(copy.code()).as(copy.out() + copy.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(target.resolve("_lepton").toString()))
        .isEqualTo(Map.of("copied", (long) treeFiles.size()));
    Trees.assertSameFiles(tree, target);
  }

  private void copyAcross(TestStore from, TestStore to, String folder) throws Exception {
    List<TestStore> both = List.of(from, to);
    String source = from.uri(folder + "/source");
    String target = to.uri(folder + "/target");
    Cli.Result seed = StoreRuns.run(both, "copy", tree.toString(), source);
    assertThat(seed.code()).as(seed.out() + seed.err()).isEqualTo(ExitCode.SUCCESS);

    Cli.Result copy = StoreRuns.run(both, "copy", source, target);

    assertThat(copy.code()).as(copy.out() + copy.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(StateTables.latestStatusCounts(target + "/_lepton"))
        .isEqualTo(Map.of("copied", (long) treeFiles.size()));
    Cli.Result verify = StoreRuns.run(both, "verify", source, target);
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.SUCCESS);
    Path back = dir.resolve(folder + "-back");
    Cli.Result down = StoreRuns.run(both, "copy", target, back.toString());
    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(tree, back);
  }
}
