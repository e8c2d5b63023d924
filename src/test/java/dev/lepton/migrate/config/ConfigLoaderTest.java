package dev.lepton.migrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loading the effective config: defaults, files and where each value came from. */
class ConfigLoaderTest {
  private static MigrationConfig loadDefaults() {
    return ConfigLoader.load(new ConfigLoader.Request(
        Optional.empty(), Optional.of("/src"), Optional.of("/dst"), Map.of(), Set.of()));
  }

  @Test
  void verifyFailsOnUnverifiedByDefault() {
    assertThat(loadDefaults().verify().failOnUnverified()).isTrue();
  }
}
