package dev.lepton.migrate.deltalog;

/**
 * First point at which a target's log stops matching its source's.
 *
 * @param firstVersion the first version at which the logs differ
 * @param reason why, in words, such as "the commits at version 7 differ"
 */
public record Divergence(long firstVersion, String reason) {
  public Divergence {
    if (firstVersion < 0 || reason == null) {
      throw new IllegalArgumentException("A divergence needs a version and a reason");
    }
  }
}
