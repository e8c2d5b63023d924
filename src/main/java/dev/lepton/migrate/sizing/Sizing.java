package dev.lepton.migrate.sizing;

import dev.lepton.migrate.config.SizeSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a throughput model into cluster recommendations for a workload.
 *
 * <p>Stream time: every file costs the model's overhead, and every byte the model's per-stream rate,
 * so the workload needs {@code files * overhead + bytes / rate} seconds of copy streams. Spread over
 * the part of the window in which slots copy ({@code window * utilisation}), that gives the copy slots
 * needed. Per instance type, the nodes by slots are those slots over the slots of one node. The nodes
 * by network are the bytes the cluster must receive in that time over one node's usable bandwidth.
 * The larger count wins.
 *
 * <p>Network traffic per byte copied: a node reads each byte from the source and writes it to the
 * target, once in each direction, and with {@code migration.copy.verify = checksum} it reads the
 * target once more. Instance bandwidth is stated per direction, so the inbound side decides.
 */
public final class Sizing {
  private Sizing() {}

  /**
   * The result of one sizing.
   *
   * @param streamSeconds copy-stream seconds the workload needs
   * @param slotsNeeded copy slots needed to finish within the window
   * @param inboundBytes bytes the cluster receives: the volume times the reads per byte
   * @param recommendations one per instance type of the catalog, in catalog order
   */
  public record Plan(
      ThroughputModel model,
      Workload workload,
      double streamSeconds,
      long slotsNeeded,
      double inboundBytes,
      List<Recommendation> recommendations) {
    public Plan {
      recommendations = List.copyOf(recommendations);
    }

    /** Returns the aggregate rate the copy must reach, volume over window, in bytes per second. */
    public double requiredBytesPerSecond() {
      return workload.volumeBytes() / workload.windowSeconds();
    }
  }

  /**
   * Sizes {@code workload}.
   *
   * @param readsPerByte how often a node receives each byte: 1 to copy, 2 when the target is re-read
   *     to compare checksums
   */
  public static Plan plan(ThroughputModel model, Workload workload, SizeSettings settings, int readsPerByte) {
    double streamSeconds = model.streamSeconds(workload.files(), workload.volumeBytes());
    double copySeconds = workload.windowSeconds() * settings.utilisation();
    long slotsNeeded = Math.max(1, (long) Math.ceil(streamSeconds / copySeconds));
    double inboundBytes = (double) workload.volumeBytes() * readsPerByte;

    List<Recommendation> recommendations = new ArrayList<>();
    for (InstanceType instance : settings.instances()) {
      int slotsPerNode = (instance.vcpus() - settings.reservedCores()) * settings.streamsPerCore();
      if (slotsPerNode < 1) {
        throw new IllegalArgumentException("Instance type " + instance.name() + " has no vCPU left after "
            + settings.reservedCores() + " reserved cores");
      }
      double nodeBytesPerSecond = instance.networkBytesPerSecond() * settings.networkEfficiency();
      double slotShare = (double) slotsNeeded / slotsPerNode;
      double networkShare = inboundBytes / (copySeconds * nodeBytesPerSecond);
      long bySlots = (long) Math.ceil(slotShare);
      long byNetwork = Math.max(1, (long) Math.ceil(networkShare));
      long nodes = Math.max(bySlots, byNetwork);
      // Compared before rounding, so that on a tie in whole nodes the bound names the scarcer resource.
      Recommendation.Bound bound = networkShare > slotShare ? Recommendation.Bound.NETWORK : Recommendation.Bound.SLOTS;
      // A file is one stream, so slots beyond the number of files stay idle.
      long streams = Math.min(nodes * slotsPerNode, workload.files());
      double copyPhase = Math.max(streamSeconds / streams, inboundBytes / (nodes * nodeBytesPerSecond));
      recommendations.add(new Recommendation(instance, slotsPerNode, bySlots, byNetwork, nodes, bound,
          copyPhase / settings.utilisation()));
    }
    return new Plan(model, workload, streamSeconds, slotsNeeded, inboundBytes, recommendations);
  }
}
