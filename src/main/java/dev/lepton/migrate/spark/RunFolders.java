package dev.lepton.migrate.spark;

import dev.lepton.migrate.store.RunLayout;
import java.io.IOException;
import java.util.Collection;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The staging folders of runs below the target root: removing those of dead runs, and a run's own. */
final class RunFolders {
  private static final Logger LOG = LoggerFactory.getLogger(RunFolders.class);

  private final RunLayout layout;
  private final Configuration conf;

  RunFolders(RunLayout layout, Configuration conf) {
    this.layout = layout;
    this.conf = conf;
  }

  /**
   * Deletes the staging folders of runs other than {@code liveRunIds}. Their files never reached a
   * final name, so nothing is lost.
   */
  void removeStaleStaging(Collection<String> liveRunIds) {
    Path root = layout.target().child(RunLayout.STAGING_FOLDER).path();
    try {
      FileSystem fs = root.getFileSystem(conf);
      for (FileStatus folder : fs.listStatus(root)) {
        if (!liveRunIds.contains(folder.getPath().getName())) {
          fs.delete(folder.getPath(), true);
        }
      }
    } catch (java.io.FileNotFoundException e) {
      // No run has staged anything yet.
    } catch (IOException e) {
      LOG.warn("Cannot remove stale staging folders in {}: {}. The next run retries.", root, e.getMessage());
    }
  }

  /** Deletes this run's staging folder, and the staging root when no other run uses it. */
  void cleanUp(String runId) {
    Path stagingRoot = layout.target().child(RunLayout.STAGING_FOLDER).path();
    try {
      FileSystem fs = stagingRoot.getFileSystem(conf);
      fs.delete(layout.staging(runId).path(), true);
      FileStatus[] left = fs.listStatus(stagingRoot);
      if (left.length == 0) {
        fs.delete(stagingRoot, false);
      }
    } catch (IOException e) {
      // Absent, or in use by another run: either way it stays.
    }
  }
}
