package dev.lepton.migrate.sizing;

/**
 * One entry of the instance catalog under {@code migration.size.instances}.
 *
 * @param networkGbps the network bandwidth the vendor states for the type, in Gbit/s (10^9 bits per
 *     second) in each direction
 */
public record InstanceType(String name, int vcpus, double memoryGib, double networkGbps) {
  public InstanceType {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An instance type needs a name");
    }
    if (vcpus < 1 || !(memoryGib > 0) || !(networkGbps > 0)) {
      throw new IllegalArgumentException("Instance type " + name + " needs vcpus >= 1, memory and bandwidth > 0");
    }
  }

  /** Returns the bandwidth in bytes per second. */
  public double networkBytesPerSecond() {
    return networkGbps * 1e9 / 8;
  }
}
