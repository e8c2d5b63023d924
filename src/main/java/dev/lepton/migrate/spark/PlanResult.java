package dev.lepton.migrate.spark;

import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * A plan: every source file with its action, kept distributed and cached, plus small totals.
 *
 * @param extraTargetFiles target files without a source file at the same path, computed on demand
 * @param conflictSamples up to 20 files in conflict, for the error message
 */
record PlanResult(
    JavaRDD<PlannedFile> files,
    JavaRDD<FileEntry> extraTargetFiles,
    PlanTotals totals,
    List<PlannedFile> conflictSamples,
    long planMillis) {}
