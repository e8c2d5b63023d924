package dev.lepton.migrate.sizing;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.report.ManifestFiles;
import dev.lepton.migrate.report.ManifestParquetFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the measured copies of a state folder's manifest into a {@link ThroughputFit}, without
 * Spark. A row counts when its status is {@code copied}, its copy took at least 1 ms and it needed a
 * single attempt: a retried file's time includes the backoff between attempts.
 */
public final class ManifestSample {
  private ManifestSample() {}

  /**
   * The measured copies of a manifest.
   *
   * @param sampledByRun files sampled per run id
   * @param retriedFiles copied files left out because they needed more than one attempt
   * @param unmeasuredFiles copied files left out because their copy took less than 1 ms
   * @param runsInManifest every run id the manifest has rows of
   */
  public record Sample(ThroughputFit fit, Map<String, Long> sampledByRun, long retriedFiles, long unmeasuredFiles,
      Set<String> runsInManifest) {}

  /**
   * Reads the rows of {@code runIds}, or of every run when it is empty.
   *
   * @throws InvalidInputException when the state folder has no manifest, the manifest needs Spark's
   *     Delta reader, or a requested run has no rows in it
   * @throws UncheckedIOException when a file of the manifest cannot be read
   */
  public static Sample read(FileSystem fs, Configuration conf, Location stateDir, Set<String> runIds,
      String sampleHint) {
    Path manifest = stateDir.child("manifest").path();
    Optional<ManifestFiles.DataFiles> files = dataFiles(fs, manifest, stateDir, sampleHint);
    ThroughputFit fit = new ThroughputFit();
    Map<String, Long> sampledByRun = new TreeMap<>();
    Set<String> runs = new java.util.TreeSet<>();
    long retried = 0;
    long unmeasured = 0;
    for (String file : files.orElseThrow().paths()) {
      Iterator<ManifestRow> rows = ManifestParquetFile.rows(new Path(file), conf);
      while (rows.hasNext()) {
        ManifestRow row = rows.next();
        runs.add(row.runId());
        if (!row.status().equals(ManifestRow.COPIED) || (!runIds.isEmpty() && !runIds.contains(row.runId()))) {
          continue;
        }
        if (row.attempts() > 1) {
          retried++;
        } else if (row.durationMs() > 0) {
          fit.add(row.size(), row.durationMs());
          sampledByRun.merge(row.runId(), 1L, Long::sum);
        } else {
          unmeasured++;
        }
      }
    }
    for (String runId : runIds) {
      if (!runs.contains(runId)) {
        throw new InvalidInputException("Cannot size from run " + runId + ": the manifest " + manifest
            + " has no rows of that run. Runs in the manifest: " + describeRuns(runs)
            + ". Pass one of them to --run, or leave --run out to use every run.");
      }
    }
    return new Sample(fit, sampledByRun, retried, unmeasured, runs);
  }

  private static Optional<ManifestFiles.DataFiles> dataFiles(FileSystem fs, Path manifest, Location stateDir,
      String sampleHint) {
    try {
      if (!fs.exists(new Path(manifest, "_delta_log"))) {
        throw new InvalidInputException("Cannot size from the state folder " + stateDir + ": it has no manifest"
            + " (" + manifest + "/_delta_log does not exist). " + sampleHint
            + " Give --target the target of that copy, and --state-dir if the copy used another state folder.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the manifest " + manifest + ": " + e.getMessage(), e);
    }
    Optional<ManifestFiles.DataFiles> files = ManifestFiles.dataFiles(fs, manifest, unsupported -> {
      throw new InvalidInputException("Cannot read the manifest " + manifest + " without Spark: it needs Delta"
          + " reader protocol " + unsupported.readerVersion() + " or is partitioned by "
          + unsupported.partitionColumns() + ", and this job writes neither. Size from a state folder this job"
          + " wrote.");
    });
    return files;
  }

  private static String describeRuns(Set<String> runs) {
    if (runs.isEmpty()) {
      return "none";
    }
    java.util.List<String> sorted = new java.util.ArrayList<>(runs);
    int listedCount = Math.min(10, sorted.size());
    String listed = String.join(", ", sorted.subList(sorted.size() - listedCount, sorted.size()));
    return sorted.size() > listedCount ? "the latest " + listedCount + " of " + sorted.size() + ": " + listed : listed;
  }
}
