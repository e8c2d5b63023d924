package dev.lepton.migrate.testing;

import dev.lepton.migrate.copy.CopyContext;
import dev.lepton.migrate.copy.FileCopier;
import dev.lepton.migrate.copy.ProgressSink;
import dev.lepton.migrate.copy.ReplayFileCopier;
import dev.lepton.migrate.deltalog.DataCopier;
import dev.lepton.migrate.deltalog.ReplayFile;
import dev.lepton.migrate.deltalog.SyncRun;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.TargetCommitter;
import java.util.ArrayList;
import java.util.List;

/** Copies a table's files one after another in the test thread, for table syncs without Spark. */
public final class SequentialDataCopier implements DataCopier {
  private final SyncRun run;
  private final List<ManifestRow> rows = new ArrayList<>();

  public SequentialDataCopier(SyncRun run) {
    this.run = run;
  }

  @Override
  public Outcome copy(String table, int tableIndex, List<ReplayFile> files) {
    CopyContext context = new CopyContext(run.runId(), run.source(), run.target(), run.staging(), run.copy());
    ReplayFileCopier copier = new ReplayFileCopier(context, run.sourceFs(),
        new FileCopier(context, run.sourceFs(), run.targetFs(), ProgressSink.NONE), table);
    long copied = 0;
    long bytes = 0;
    List<ManifestRow> problems = new ArrayList<>();
    for (ReplayFile file : files) {
      ManifestRow row = copier.copy(file, TargetCommitter.Mode.CREATE_IF_ABSENT);
      rows.add(row);
      if (row.status().equals(ManifestRow.COPIED)) {
        copied++;
        bytes += row.bytesCopied();
      } else if (!row.status().equals(ManifestRow.ADOPTED)) {
        problems.add(row);
      }
    }
    return new Outcome(copied, bytes, problems);
  }

  /** Returns every row this copier produced. */
  public List<ManifestRow> rows() {
    return List.copyOf(rows);
  }
}
