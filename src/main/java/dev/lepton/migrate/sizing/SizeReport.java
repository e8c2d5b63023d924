package dev.lepton.migrate.sizing;

import dev.lepton.migrate.report.Units;
import java.util.List;
import java.util.Locale;

/** Renders a sizing for the console: the model, the workload, a table per instance type, warnings. */
public final class SizeReport {
  private static final double MIB = 1024.0 * 1024.0;
  private static final String ROW = "  %-16s %6s %8s %7s %10s %9s %11s %6s %15s  %-10s %9s%n";

  private SizeReport() {}

  public static String render(Sizing.Plan plan, double utilisation, int readsPerByte, List<String> warnings) {
    ThroughputModel model = plan.model();
    Workload workload = plan.workload();
    StringBuilder text = new StringBuilder();
    text.append("Throughput model from ").append(Units.count(model.samples(), "copied file", "copied files"))
        .append(" (").append(Units.bytes(model.sampleBytes())).append(") of ")
        .append(model.runIds().size() == 1 ? "run " : "runs ").append(listRuns(model.runIds()))
        .append(":\n");
    line(text, "overhead per file", String.format(Locale.ROOT, "%.1f ms%s", model.overheadMillis(),
        model.overheadClamped() ? " (constrained to 0)" : ""));
    line(text, "per-stream rate", String.format(Locale.ROOT, "%.1f MiB/s", model.streamMibPerSecond()));
    line(text, "fit", String.format(Locale.ROOT, "least squares of time on size, R² %.3f", model.rSquared()));

    text.append("Workload: ").append(Units.bytes(workload.volumeBytes())).append(" in ")
        .append(Units.count(workload.files(), "file", "files")).append(" (mean ")
        .append(Units.bytes((long) workload.meanFileBytes())).append("), window ")
        .append(Units.duration(workload.window().toMillis())).append(":\n");
    double required = plan.requiredBytesPerSecond();
    line(text, "throughput needed", String.format(Locale.ROOT, "%,.1f MiB/s = %,.2f Gbit/s (volume / window)",
        required / MIB, required * 8 / 1e9));
    line(text, "stream time", String.format(Locale.ROOT, "%,.0f s (files x overhead + volume / rate)",
        plan.streamSeconds()));
    line(text, "copy slots needed", String.format(Locale.ROOT, "%s (stream time / (window x utilisation %.2f))",
        Units.count(plan.slotsNeeded()), utilisation));
    line(text, "inbound traffic", Units.bytes((long) plan.inboundBytes()) + " (" + readsPerByte
        + (readsPerByte == 1 ? " read per byte)" : " reads per byte: the copy and the checksum re-read)"));

    if (plan.recommendations().isEmpty()) {
      text.append("No instance types are configured under migration.size.instances, so no node counts follow.\n"
          + "Check the values of conf/size-catalog-example.conf against the vendor's documentation and pass it"
          + " with --config, or add your own types.\n");
    } else {
      text.append('\n').append(String.format(Locale.ROOT, ROW, "instance type", "vCPUs", "mem GiB", "Gbit/s",
          "slots/node", "by slots", "by network", "nodes", "executor cores", "bound", "expected"));
      for (Recommendation r : plan.recommendations()) {
        InstanceType type = r.instance();
        text.append(String.format(Locale.ROOT, ROW, type.name(), type.vcpus(), number(type.memoryGib()),
            number(type.networkGbps()), r.slotsPerNode(), Units.count(r.nodesBySlots()),
            Units.count(r.nodesByNetwork()), Units.count(r.nodes()), Units.count(r.totalSlots()), r.bound().label(),
            Units.duration((long) (r.expectedSeconds() * 1000))));
      }
      text.append("Nodes are executor nodes; the driver needs a machine of its own. Set spark.executor.cores to"
          + " slots/node.\n");
    }
    if (!warnings.isEmpty()) {
      text.append("\nWarnings:\n");
      for (String warning : warnings) {
        text.append("  - ").append(warning).append('\n');
      }
    }
    return text.toString();
  }

  /** Lists run ids, the first five and how many more. */
  static String listRuns(List<String> runIds) {
    if (runIds.size() <= 5) {
      return String.join(", ", runIds);
    }
    return String.join(", ", runIds.subList(0, 5)) + " and " + (runIds.size() - 5) + " more";
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format(Locale.ROOT, "  %-19s %s%n", label, value));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
