package dev.lepton.migrate.spark;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.store.Location;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * A plan: every source file with its action, kept distributed and cached, plus small totals.
 *
 * @param extraTargetFiles target files without a source file at the same path, computed on demand
 * @param conflictSamples up to 20 files in conflict, for the error message
 * @param nameProblems target names that the target store cannot hold
 */
record PlanResult(
    JavaRDD<PlannedFile> files,
    JavaRDD<FileEntry> extraTargetFiles,
    PlanTotals totals,
    List<PlannedFile> conflictSamples,
    NameProblems nameProblems,
    long planMillis) {

  /** How many target names the target store cannot hold, with up to 20 as "path: reason". */
  record NameProblems(long count, List<String> samples) {
    NameProblems {
      samples = List.copyOf(samples);
    }

    /** Describes the problems for the console, or returns an empty string when there are none. */
    String describe() {
      if (count == 0) {
        return "";
      }
      StringBuilder out = new StringBuilder();
      out.append(count).append(" target names do not fit the target store:");
      samples.forEach(sample -> out.append("\n  ").append(sample));
      if (count > samples.size()) {
        out.append("\n  ... and ").append(count - samples.size()).append(" more");
      }
      return out.toString();
    }

    /** Returns the error a copy stops with before it writes anything. */
    InvalidInputException failure(Location target) {
      return new InvalidInputException("Cannot copy to " + target + ": " + describe() + "\nNothing was copied."
          + " Give these files names the store can hold with migration.copy.rename { \"source/path\" ="
          + " \"target/path\" }, or leave them out with migration.exclude-globs.");
    }
  }
}
