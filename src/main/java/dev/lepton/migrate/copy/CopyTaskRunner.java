package dev.lepton.migrate.copy;

import dev.lepton.migrate.plan.CopyTask;
import dev.lepton.migrate.plan.DeltaLogOrder;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.TargetCommitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs one copy task: its files one after another. A Delta log task stops at the first log file
 * that fails, so the target never contains a commit after a missing one. The files left are
 * reported failed, naming the file that stopped them.
 */
public final class CopyTaskRunner {
  private final FileCopier copier;
  private final ThrottleGovernor governor;
  private final LongConsumer throttled;

  public CopyTaskRunner(FileCopier copier) {
    this(copier, null, count -> {});
  }

  /**
   * @param governor limits concurrent copies in this JVM while the store throttles, or null
   * @param throttled receives the number of throttled responses counted after each file
   */
  public CopyTaskRunner(FileCopier copier, ThrottleGovernor governor, LongConsumer throttled) {
    this.copier = copier;
    this.governor = governor;
    this.throttled = throttled;
  }

  public List<ManifestRow> run(CopyTask task) {
    List<ManifestRow> rows = new ArrayList<>(task.files().size());
    String stoppedBy = null;
    for (PlannedFile file : task.files()) {
      if (stoppedBy != null) {
        rows.add(notAttempted(file, rows.get(0).runId(), stoppedBy));
        continue;
      }
      ManifestRow row = copyOne(file, modeFor(task, file));
      rows.add(row);
      boolean ok = row.status().equals(ManifestRow.COPIED) || row.status().equals(ManifestRow.ADOPTED);
      if (!ok && task.ordering() == CopyTask.Ordering.DELTA_LOG) {
        stoppedBy = file.relativePath();
      }
    }
    return rows;
  }

  private ManifestRow copyOne(PlannedFile file, TargetCommitter.Mode mode) {
    if (governor == null) {
      return copier.copy(file, mode);
    }
    try {
      governor.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a copy slot", e);
    }
    try {
      return copier.copy(file, mode);
    } finally {
      throttled.accept(governor.release());
    }
  }

  private static TargetCommitter.Mode modeFor(CopyTask task, PlannedFile file) {
    boolean immutable = task.ordering() == CopyTask.Ordering.DELTA_LOG
        && DeltaLogOrder.isImmutable(file.relativePath());
    return immutable ? TargetCommitter.Mode.CREATE_IF_ABSENT : TargetCommitter.Mode.REPLACE;
  }

  private static ManifestRow notAttempted(PlannedFile file, String runId, String stoppedBy) {
    return new ManifestRow(
        runId, file.relativePath(), file.source().size(), file.source().modificationTime(),
        file.source().etag(), null, null, null, "none", ManifestRow.FAILED, "none", 0, 0, 0,
        "not copied: the earlier log file " + stoppedBy + " failed, and later commits must not"
            + " appear before it", System.currentTimeMillis());
  }
}
