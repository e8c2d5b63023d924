package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.MiniHdfs;
import dev.lepton.migrate.testing.TableShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs from local files to HDFS (an in-process MiniDFSCluster), where commits are published by a
 * rename without overwrite and modification times are kept.
 */
class SyncToHdfsTest {
  @TempDir Path dir;

  @Test
  void syncToHdfsKeepsHistoryAndCommitTimes() throws IOException {
    Path source = dir.resolve("lake");
    TableShapes.deletionVectors(source.resolve("events"));
    String target = MiniHdfs.uri() + "/sync-" + System.nanoTime();

    Cli.Result first = Cli.run("sync", "--source", source.toString(), "--target", target);

    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source.resolve("events").toString(), target + "/events"))
        .isEqualTo(5);
    FileSystem hdfs = MiniHdfs.fileSystem();
    for (long version = 0; version <= 4; version++) {
      String name = String.format("%020d.json", version);
      FileStatus copied = hdfs.getFileStatus(new org.apache.hadoop.fs.Path(target + "/events/_delta_log/" + name));
      assertThat(copied.getModificationTime()).as(name)
          .isEqualTo(Files.getLastModifiedTime(source.resolve("events/_delta_log").resolve(name)).toMillis());
    }

    TableShapes.append(source.resolve("events"), 5000, 10, 1);
    Cli.Result second = Cli.run("sync", "--source", source.toString(), "--target", target);
    Cli.Result third = Cli.run("sync", "--source", source.toString(), "--target", target);

    assertThat(second.out()).containsPattern("events\\s+synced\\s+5\\s+3\\s");
    assertThat(third.out()).containsPattern("events\\s+up to date\\s+none\\s+0\\s");
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(source.resolve("events").toString(), target + "/events"))
        .isEqualTo(6);
  }
}
