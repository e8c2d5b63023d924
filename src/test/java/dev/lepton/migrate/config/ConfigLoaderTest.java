package dev.lepton.migrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** Returns the example config files in conf/, which users pass to --config. */
  static List<Path> shippedConfigFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("conf"))) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found;
    }
  }

  @ParameterizedTest
  @MethodSource("shippedConfigFiles")
  void shippedConfigFilesLoad(Path file) {
    ConfigLoader.Request request =
        new ConfigLoader.Request(Optional.of(file), Optional.empty(), Optional.empty(), Map.of(), Set.of());

    assertThatCode(() -> ConfigLoader.load(request)).doesNotThrowAnyException();
  }

  @Test
  void referenceConfLoadsAsConfigFile() throws IOException {
    Path copy = dir.resolve("reference-copy.conf");
    try (java.io.InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream("reference.conf")) {
      Files.copy(in, copy);
    }

    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(
        Optional.of(copy), Optional.of("/src"), Optional.of("/dst"), Map.of(), Set.of()));

    assertThat(config.stateDir()).isEqualTo("_lepton");
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
