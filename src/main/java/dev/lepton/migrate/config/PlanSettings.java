package dev.lepton.migrate.config;

/** Settings of {@code migration.plan}: how the source is listed and packed into copy tasks. */
public record PlanSettings(
    long taskSize, int minTasksPerCore, long perFileCost, int listingPrefixes, int listingMaxDepth) {
  public PlanSettings {
    if (taskSize <= 0) {
      throw new IllegalArgumentException("task size must be positive: " + taskSize);
    }
    if (minTasksPerCore < 1 || listingPrefixes < 1 || listingMaxDepth < 0 || perFileCost < 0) {
      throw new IllegalArgumentException("invalid plan settings");
    }
  }
}
