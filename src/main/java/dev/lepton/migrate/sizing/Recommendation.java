package dev.lepton.migrate.sizing;

/**
 * The cluster one instance type needs for a workload.
 *
 * @param slotsPerNode copy tasks one node runs at once
 * @param nodesBySlots nodes needed for enough copy slots
 * @param nodesByNetwork nodes needed for enough network bandwidth
 * @param nodes executor nodes recommended: the larger of the two
 * @param bound which of the two decided
 * @param expectedSeconds the expected duration of the copy with {@code nodes} nodes, including the
 *     share of the window that is not spent copying
 */
public record Recommendation(
    InstanceType instance,
    int slotsPerNode,
    long nodesBySlots,
    long nodesByNetwork,
    long nodes,
    Bound bound,
    double expectedSeconds) {

  /** What decides the number of nodes. */
  public enum Bound {
    SLOTS("copy slots"),
    NETWORK("network");

    private final String label;

    Bound(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Returns the copy slots, that is Spark executor cores, of the whole cluster. */
  public long totalSlots() {
    return nodes * slotsPerNode;
  }
}
