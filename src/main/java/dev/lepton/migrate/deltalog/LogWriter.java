package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.copy.CopyContext;
import dev.lepton.migrate.copy.FileCopier;
import dev.lepton.migrate.copy.ProgressSink;
import dev.lepton.migrate.copy.ReplayFileCopier;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.StoreKind;
import dev.lepton.migrate.store.TargetCommitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a plan's log files to the target on the driver, one after another in commit order, each
 * created only if absent, then {@code _last_checkpoint}. Stops at the first log file that fails or
 * conflicts, and writes nothing of the versions after {@code lastCommittable}, so the target never
 * has a commit whose files are missing. Checks the lease before each file.
 */
final class LogWriter {
  private static final int ROWS_PER_RESULT_FILE = 500;

  /** Totals of the log phase. */
  record Result(long filesCopied, long bytesCopied, long failed, boolean conflict) {}

  private final SyncRun run;
  private final String table;
  private final int index;
  private final Lease lease;
  private final List<ManifestRow> rows = new ArrayList<>();
  private int resultFiles;

  LogWriter(SyncRun run, String table, int index, Lease lease) {
    this.run = run;
    this.table = table;
    this.index = index;
    this.lease = lease;
  }

  /**
   * Writes the plan's log files up to {@code lastCommittable}; with {@code rewrite}, commits are
   * written with their paths rewritten and {@code _last_checkpoint} is left alone.
   */
  Result write(ReplayPlan plan, long lastCommittable, String blockedReason, Optional<PathRewrite> rewrite)
      throws IOException {
    CopyContext context = new CopyContext(run.runId(), run.source(), run.target(), run.staging(), run.copy());
    ReplayFileCopier copier = new ReplayFileCopier(context, run.sourceFs(),
        new FileCopier(context, run.sourceFs(), run.targetFs(), ProgressSink.NONE), table);
    long copied = 0;
    long bytes = 0;
    long failed = 0;
    boolean conflict = false;
    String stoppedBy = null;
    try {
      for (ReplayFile file : plan.logFiles()) {
        if (file.version() > lastCommittable || stoppedBy != null) {
          String reason = stoppedBy != null
              ? "the earlier log file " + stoppedBy + " failed, and later commits must not appear before it"
              : blockedReason;
          add(notWritten(copier.rootRelative(file), file, reason));
          failed++;
          continue;
        }
        lease.requireHeld();
        ManifestRow row = rewrite.isPresent() && file.kind() == ReferencedFile.Kind.COMMIT
            ? new RewrittenCommit(run, table, rewrite.get()).write(file, copier.rootRelative(file))
            : copier.copy(file, TargetCommitter.Mode.CREATE_IF_ABSENT);
        add(row);
        if (row.status().equals(ManifestRow.COPIED)) {
          copied++;
          bytes += row.bytesCopied();
        } else if (!row.status().equals(ManifestRow.ADOPTED)) {
          stoppedBy = copier.rootRelative(file);
          conflict |= row.status().equals(ManifestRow.CONFLICT);
          failed++;
        }
      }
      if (stoppedBy == null && failed == 0 && rewrite.isEmpty()) {
        Optional<ManifestRow> hint = copyLastCheckpoint();
        if (hint.isPresent()) {
          add(hint.get());
          copied++;
          bytes += hint.get().bytesCopied();
        }
      }
    } finally {
      flush();
    }
    return new Result(copied, bytes, failed, conflict);
  }

  /**
   * Copies the source's {@code _last_checkpoint} when it names a checkpoint the target now has and
   * the target's own hint is older. The file is replaced, not created only if absent, because it
   * moves forward with every checkpoint.
   */
  private Optional<ManifestRow> copyLastCheckpoint() throws IOException {
    Path sourceLog = LogListing.logDir(run.sourceTable(table).path());
    Path targetLog = LogListing.logDir(run.targetTable(table).path());
    Optional<LastCheckpoint> hint = LastCheckpoint.read(run.sourceFs(), sourceLog);
    if (hint.isEmpty()) {
      return Optional.empty();
    }
    Optional<LastCheckpoint> current = LastCheckpoint.read(run.targetFs(), targetLog);
    if (current.isPresent() && current.get().version() >= hint.get().version()) {
      return Optional.empty();
    }
    DeltaLog target = DeltaLog.forTable(run.targetFs(), run.targetTable(table).path());
    boolean present = target.list().checkpoints().stream().anyMatch(c -> hint.get().names(c));
    if (!present) {
      return Optional.empty();
    }
    lease.requireHeld();
    long started = System.nanoTime();
    byte[] bytes;
    try (InputStream in = run.sourceFs().open(new Path(sourceLog, LastCheckpoint.FILE_NAME))) {
      bytes = in.readAllBytes();
    }
    replace(new Path(targetLog, LastCheckpoint.FILE_NAME), bytes);
    String relative = (table.isEmpty() ? "" : table + "/") + "_delta_log/" + LastCheckpoint.FILE_NAME;
    return Optional.of(new ManifestRow(run.runId(), relative, bytes.length, System.currentTimeMillis(), null, null,
        null, null, "none", ManifestRow.COPIED, "none", bytes.length, (System.nanoTime() - started) / 1_000_000, 1,
        "names the checkpoint at version " + hint.get().version(), System.currentTimeMillis()));
  }

  private void replace(Path file, byte[] bytes) throws IOException {
    FileSystem fs = run.targetFs();
    if (run.target().kind().commitStyle() == StoreKind.CommitStyle.DIRECT) {
      // The store publishes the object whole when the upload completes.
      try (OutputStream out = fs.create(file, true)) {
        out.write(bytes);
      }
      return;
    }
    Path staged = run.staging().resolve(UUID.randomUUID() + ".last_checkpoint");
    try (OutputStream out = fs.create(staged, false)) {
      out.write(bytes);
    }
    try {
      new TargetCommitter(fs).commit(staged, file, TargetCommitter.Mode.REPLACE);
    } finally {
      fs.delete(staged, false);
    }
  }

  private ManifestRow notWritten(String relative, ReplayFile file, String reason) {
    return new ManifestRow(run.runId(), relative, Math.max(0, file.sizeHint()), 0, null, null, null, null, "none",
        ManifestRow.FAILED, "none", 0, 0, 0, "not written: " + reason, System.currentTimeMillis());
  }

  private void add(ManifestRow row) {
    rows.add(row);
    if (rows.size() >= ROWS_PER_RESULT_FILE) {
      flush();
    }
  }

  private void flush() {
    if (!rows.isEmpty()) {
      run.rows().write("sync-" + index + "-log-" + resultFiles++, List.copyOf(rows));
      rows.clear();
    }
  }
}
