package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.report.ManifestRow;
import java.util.List;

/**
 * Copies the files a table's new commits need, before any commit is written. The Spark layer
 * spreads them over tasks; tests copy them in the calling thread.
 */
public interface DataCopier {
  /**
   * Copies {@code files} of {@code table} with create-if-absent semantics. Every file's manifest
   * row is durable (written as a task result) when this returns.
   *
   * @param tableIndex a number unique to the table within the run, for naming result files
   * @return totals, and the rows of the files that did not end copied or adopted
   */
  Outcome copy(String table, int tableIndex, List<ReplayFile> files);

  /**
   * Totals of a copy.
   *
   * @param problems rows with a status other than copied or adopted, with paths relative to the
   *     roots
   */
  record Outcome(long filesCopied, long bytesCopied, List<ManifestRow> problems) {
    public Outcome {
      problems = List.copyOf(problems);
    }
  }
}
