package dev.lepton.migrate.config;

import java.util.List;

/** Settings of {@code migration.generate}, checked further by the generator itself. */
public record GenerateConfig(
    double scaleFactor,
    List<String> tables,
    boolean rawFiles,
    long rawSize,
    long largeFileSize,
    long seed) {
  public GenerateConfig {
    tables = List.copyOf(tables);
  }
}
