package dev.lepton.migrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the effective config: defaults, files and where each value came from. */
class ConfigLoaderTest {
  @TempDir Path dir;

  private static MigrationConfig loadDefaults() {
    return ConfigLoader.load(new ConfigLoader.Request(
        Optional.empty(), Optional.of("/src"), Optional.of("/dst"), Map.of(), Set.of()));
  }

  @Test
  void verifyFailsOnUnverifiedByDefault() {
    assertThat(loadDefaults().verify().failOnUnverified()).isTrue();
  }

  @Test
  void rootFromFileNamesFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("job.conf"), "migration {\n  source = \"/data/lake\"\n}\n");

    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(
        Optional.of(file), Optional.empty(), Optional.of("/dst"), Map.of(), Set.of()));

    assertThat(config.keyWithOrigin("migration.source"))
        .isEqualTo("migration.source (config file " + file + ", line 2)");
  }

  @Test
  void rootsFromCommandLineNameTheOption() {
    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(Optional.empty(), Optional.of("/src"),
        Optional.empty(), Map.of("migration.target", "/dst"), Set.of()));

    assertThat(config.keyWithOrigin("migration.source")).isEqualTo("migration.source (command line --source)");
    assertThat(config.keyWithOrigin("migration.target"))
        .isEqualTo("migration.target (command line --set migration.target)");
  }

  @Test
  void keyWithoutValueHasNoOrigin() {
    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(
        Optional.empty(), Optional.empty(), Optional.of("/dst"), Map.of(), Set.of()));

    assertThat(config.keyWithOrigin("migration.source")).isEqualTo("migration.source");
  }
}
