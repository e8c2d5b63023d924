package dev.lepton.migrate.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed, validated view of the {@code migration} HOCON tree. Source and target are absent only
 * for commands that do not need them ({@code generate} needs only a target).
 *
 * @param digest SHA-256 of the effective config rendered with secrets masked, for the run history
 * @param origins where the root keys ({@code migration.source}, {@code migration.target},
 *     {@code migration.state-dir}) were set, such as "config file job.conf, line 3", for errors found
 *     after loading
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
    SizeSettings size,
    StoreSettings stores,
    String renderedMasked,
    String digest,
    Map<String, String> origins) {
  public MigrationConfig {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    origins = Map.copyOf(origins);
  }

  /**
   * Returns the key followed by where its value was set, such as
   * "migration.source (config file job.conf, line 3)", or the key alone when the origin is unknown.
   */
  public String keyWithOrigin(String key) {
    String origin = origins.get(key);
    return origin == null ? key : key + " (" + origin + ")";
  }

  public String requireSource() {
    return source.orElseThrow(() -> new IllegalStateException("source was validated as required"));
  }

  public String requireTarget() {
    return target.orElseThrow(() -> new IllegalStateException("target was validated as required"));
  }
}
