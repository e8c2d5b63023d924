package dev.lepton.migrate.sizing;

import dev.lepton.migrate.report.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Lists the conditions that make a sizing less reliable than its numbers suggest. */
public final class SampleWarnings {
  /** Below this many bytes a sample's rate is dominated by warm-up, caches and the first connections. */
  static final long SMALL_SAMPLE_BYTES = 1L << 30;
  /** Mean file sizes further apart than this factor stretch the fit far beyond the sizes it measured. */
  static final double SIZE_RATIO = 10;
  /** A fit that explains less of the variance than this predicts single files poorly. */
  static final double WEAK_FIT = 0.5;

  private SampleWarnings() {}

  /** Returns a note on the copied files the fit left out, or empty when it used them all. */
  public static java.util.Optional<String> leftOut(ManifestSample.Sample sample) {
    List<String> reasons = new ArrayList<>();
    if (sample.retriedFiles() > 0) {
      reasons.add(sample.retriedFiles() + " needed more than one attempt, so their times include backoff waits");
    }
    if (sample.unmeasuredFiles() > 0) {
      reasons.add(sample.unmeasuredFiles() + " took under 1 ms, the resolution of the manifest's times");
    }
    if (reasons.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Units.count(sample.retriedFiles() + sample.unmeasuredFiles(), "copied file was",
        "copied files were") + " left out of the fit: " + String.join(", and ", reasons) + ".");
  }

  /**
   * Returns the warnings for a plan.
   *
   * @param throttledByRun throttled requests per sampled run; empty where unknown
   */
  public static List<String> of(Sizing.Plan plan, Map<String, OptionalLong> throttledByRun) {
    List<String> warnings = new ArrayList<>(throttling(throttledByRun));
    warnings.addAll(sample(plan.model(), plan.workload()));
    if (plan.slotsNeeded() > plan.workload().files()) {
      warnings.add("The window needs " + Units.count(plan.slotsNeeded()) + " copy slots but the workload has only "
          + Units.count(plan.workload().files(), "file", "files") + ", and one file is copied by one slot: the"
          + " window cannot be met by adding nodes.");
    }
    return warnings;
  }

  private static List<String> throttling(Map<String, OptionalLong> throttledByRun) {
    List<String> warnings = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    throttledByRun.forEach((runId, throttled) -> {
      if (throttled.isEmpty()) {
        unknown.add(runId);
      } else if (throttled.getAsLong() > 0) {
        warnings.add("The store throttled " + Units.count(throttled.getAsLong(), "request", "requests")
            + " in run " + runId + ". The measured rate is then a lower bound of what the job can do, and an upper"
            + " bound of what the store allows for these prefixes: more nodes will not copy faster unless the"
            + " data spreads over more prefixes or the store's limits are raised.");
      }
    });
    if (!unknown.isEmpty()) {
      warnings.add("Cannot tell whether the store throttled " + (unknown.size() == 1 ? "run " : "runs ")
          + SizeReport.listRuns(unknown) + ": the report in the state folder is missing or does not count"
          + " throttled requests, as for runs of sync.");
    }
    return warnings;
  }

  private static List<String> sample(ThroughputModel model, Workload workload) {
    List<String> warnings = new ArrayList<>();
    double ratio = workload.meanFileBytes() / model.meanFileBytes();
    if (ratio > SIZE_RATIO || ratio < 1 / SIZE_RATIO) {
      warnings.add(String.format(Locale.ROOT, "The sample's mean file size (%s) is %.0fx %s the workload's (%s)."
              + " The fit extrapolates far from what it measured; copy a sample with files of the workload's sizes.",
          Units.bytes((long) model.meanFileBytes()), ratio > 1 ? ratio : 1 / ratio, ratio > 1 ? "below" : "above",
          Units.bytes((long) workload.meanFileBytes())));
    }
    if (model.sampleBytes() < SMALL_SAMPLE_BYTES) {
      warnings.add("The sample copied only " + Units.bytes(model.sampleBytes()) + ", below "
          + Units.bytes(SMALL_SAMPLE_BYTES) + "; a rate measured on so few bytes reflects caches and warm-up more"
          + " than sustained transfer. Copy a larger sample.");
    }
    if (model.rSquared() < WEAK_FIT) {
      warnings.add(String.format(Locale.ROOT, "The fit explains %.0f%% of the variance of the per-file times"
          + " (R² %.2f): single files vary a lot around the line, though totals over many files hold better.",
          model.rSquared() * 100, model.rSquared()));
    }
    if (model.overheadClamped()) {
      warnings.add("The best line had a negative overhead per file, so the overhead was set to 0 and the line"
          + " fitted through the origin: the per-file times vary too much, or the overhead is too small, to"
          + " measure it in this sample.");
    }
    return warnings;
  }
}
