package dev.lepton.migrate.config;

import dev.lepton.migrate.deltalog.AbsolutePathPolicy;
import dev.lepton.migrate.deltalog.DivergencePolicy;
import java.time.Duration;
import java.util.List;

/**
 * Settings of {@code migration.sync}.
 *
 * @param tables Delta table folders relative to the source root; empty to discover them
 * @param discoveryMaxDepth how many folder levels below the source root discovery reads
 * @param parallelTables how many tables sync at the same time
 * @param onDivergence what to do when the target's log differs from the source's
 * @param absolutePaths what to do with data files a log names by absolute path
 * @param deleteRemovedFiles whether target files that the source's log removed are deleted once the
 *     removal is older than the table's deleted-file retention
 * @param deleteExtraneous whether target files in non-Delta folders that the source no longer has
 *     are deleted
 * @param maxDeleteShare the largest share (0 to 1) of target files in non-Delta folders that one run
 *     may delete
 * @param leaseDuration how long a table lease lasts without renewal
 * @param smallChangeBytes the most bytes of new files of one table that the driver copies itself,
 *     without starting Spark tasks
 */
public record SyncSettings(
    List<String> tables,
    int discoveryMaxDepth,
    int parallelTables,
    DivergencePolicy onDivergence,
    AbsolutePathPolicy absolutePaths,
    boolean deleteRemovedFiles,
    boolean deleteExtraneous,
    double maxDeleteShare,
    Duration leaseDuration,
    long smallChangeBytes) {
  public SyncSettings {
    tables = List.copyOf(tables);
    if (discoveryMaxDepth < 0 || parallelTables < 1) {
      throw new IllegalArgumentException("invalid discovery depth or parallelism");
    }
    if (smallChangeBytes < 0) {
      throw new IllegalArgumentException("negative small change size: " + smallChangeBytes);
    }
    if (!(maxDeleteShare >= 0 && maxDeleteShare <= 1)) {
      throw new IllegalArgumentException("max delete share outside [0, 1]: " + maxDeleteShare);
    }
  }
}
