package dev.lepton.migrate.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The typed, validated view of the {@code migration} HOCON tree. Source and target are absent only
 * for commands that do not need them ({@code generate} needs only a target).
 *
 * @param digest SHA-256 of the effective config rendered with secrets masked, for the run history
 */
public record MigrationConfig(
    Optional<String> source,
    Optional<String> target,
    String stateDir,
    List<String> include,
    List<String> exclude,
    PlanSettings plan,
    CopySettings copy,
    VerifySettings verify,
    SyncSettings sync,
    Duration progressInterval,
    GenerateConfig generate,
    StoreSettings stores,
    String renderedMasked,
    String digest) {
  public MigrationConfig {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public String requireSource() {
    return source.orElseThrow(() -> new IllegalStateException("source was validated as required"));
  }

  public String requireTarget() {
    return target.orElseThrow(() -> new IllegalStateException("target was validated as required"));
  }
}
