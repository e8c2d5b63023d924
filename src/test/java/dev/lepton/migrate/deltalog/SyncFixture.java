package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.config.CopySettings;
import dev.lepton.migrate.config.SyncSettings;
import dev.lepton.migrate.copy.ChecksumAlgorithm;
import dev.lepton.migrate.copy.ConflictPolicy;
import dev.lepton.migrate.copy.VerifyMode;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.testing.SequentialDataCopier;
import dev.lepton.migrate.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Runs {@link TableSync} without Spark between a local source and target root, with the state
 * folder under the target, a clock the test moves, and the manifest rows kept in memory.
 */
final class SyncFixture {
  static final SyncSettings DEFAULTS =
      new SyncSettings(List.of(), 8, 4, DivergencePolicy.FAIL, AbsolutePathPolicy.REJECT, false, false, 0.1, Duration.ofMinutes(5), 0);
  static final CopySettings COPY = new CopySettings(ChecksumAlgorithm.CRC32C, VerifyMode.CHECKSUM, 1 << 20, 2,
      Duration.ZERO, true, ConflictPolicy.FAIL, true, true, dev.lepton.migrate.plan.Renames.NONE);

  final Path source;
  final Path target;
  final TestClock clock = TestClock.now();
  final List<ManifestRow> rows = new ArrayList<>();
  private int runs;

  SyncFixture(Path dir) {
    this.source = dir.resolve("source");
    this.target = dir.resolve("target");
  }

  TableSyncResult sync(String table) {
    return sync(table, DEFAULTS, OverwriteConfirmation.NOT_GIVEN);
  }

  TableSyncResult sync(String table, SyncSettings settings, OverwriteConfirmation confirmation) {
    SyncRun run = run(settings, confirmation);
    try {
      return new TableSync(run, table, 0, new RecordingCopier(run)).run();
    } finally {
      run.keeper().close();
    }
  }

  SyncRun run(SyncSettings settings, OverwriteConfirmation confirmation) {
    Configuration conf = new Configuration();
    Location sourceRoot = Location.parse(source.toString(), "source");
    Location targetRoot = Location.parse(target.toString(), "target");
    Location state = targetRoot.child("_lepton");
    FileSystem sourceFs = Stores.fileSystem(sourceRoot, conf);
    FileSystem targetFs = Stores.targetFileSystem(targetRoot, conf);
    String runId = "run-" + (++runs);
    return new SyncRun(runId, sourceRoot, targetRoot, state, targetRoot.child("_lepton_staging/" + runId), sourceFs,
        targetFs, targetFs, COPY, settings, confirmation, new LeaseStore(targetFs, state, clock),
        new LeaseKeeper(settings.leaseDuration()), (name, batch) -> rows.addAll(batch), clock);
  }

  /** Returns the rows of one run, such as "run-2". */
  List<ManifestRow> rowsOf(String runId) {
    return rows.stream().filter(r -> r.runId().equals(runId)).toList();
  }

  /** Copies in the test thread and keeps the rows with the others. */
  private final class RecordingCopier implements DataCopier {
    private final SequentialDataCopier copier;

    RecordingCopier(SyncRun run) {
      this.copier = new SequentialDataCopier(run);
    }

    @Override
    public Outcome copy(String table, int tableIndex, List<ReplayFile> files) {
      Outcome outcome = copier.copy(table, tableIndex, files);
      rows.addAll(copier.rows());
      return outcome;
    }
  }
}
