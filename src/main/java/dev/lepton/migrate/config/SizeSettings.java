package dev.lepton.migrate.config;

import dev.lepton.migrate.sizing.InstanceType;
import java.util.List;

/**
 * Settings of {@code migration.size}: how measured throughput turns into a cluster.
 *
 * @param minSamples the fewest copied files a throughput fit may use
 * @param utilisation share of the window in which every copy slot is busy copying (0 to 1]; the rest
 *     goes to listing, planning, recording, stragglers and retries
 * @param streamsPerCore copy tasks run at once per vCPU of an executor node
 * @param reservedCores vCPUs per node left to the operating system and the cluster's daemons
 * @param networkEfficiency share (0 to 1] of an instance's stated bandwidth the copy can use
 * @param instances the instance catalog; empty when none is configured
 */
public record SizeSettings(
    int minSamples,
    double utilisation,
    int streamsPerCore,
    int reservedCores,
    double networkEfficiency,
    List<InstanceType> instances) {
  public SizeSettings {
    instances = List.copyOf(instances);
  }
}
