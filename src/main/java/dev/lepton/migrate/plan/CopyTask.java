package dev.lepton.migrate.plan;

import java.io.Serializable;
import java.util.List;

/**
 * Files one Spark task copies, in order.
 *
 * @param ordered whether the files must be committed one after another in list order with
 *     create-if-absent semantics, as a Delta log's commits are
 */
public record CopyTask(int id, List<PlannedFile> files, Ordering ordering) implements Serializable {
  /** Whether a task's files may be committed in any order. */
  public enum Ordering {
    ANY,
    /** A Delta log: commits in version order, each created only if absent. */
    DELTA_LOG
  }

  public CopyTask {
    if (id < 0) {
      throw new IllegalArgumentException("negative task id " + id);
    }
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("task " + id + " has no files");
    }
  }

  public long bytes() {
    return files.stream().mapToLong(f -> f.source().size()).sum();
  }
}
