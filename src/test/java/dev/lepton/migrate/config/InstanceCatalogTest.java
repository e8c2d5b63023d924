package dev.lepton.migrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.sizing.InstanceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instance catalog and the other keys of {@code migration.size}. */
class InstanceCatalogTest {
  @TempDir Path dir;

  private MigrationConfig load(String hocon, Map<String, String> sets) throws IOException {
    Path file = dir.resolve("size.conf");
    Files.writeString(file, hocon);
    return ConfigLoader.load(new ConfigLoader.Request(
        Optional.of(file), Optional.empty(), Optional.of("/dst"), sets, Set.of("migration.target")));
  }

  private MigrationConfig load(String hocon) throws IOException {
    return load(hocon, Map.of());
  }

  @Test
  void catalogIsEmptyByDefault() throws IOException {
    SizeSettings size = load("").size();

    assertThat(size.instances()).isEmpty();
    assertThat(size.minSamples()).isEqualTo(30);
    assertThat(size.utilisation()).isEqualTo(0.7);
    assertThat(size.streamsPerCore()).isEqualTo(1);
    assertThat(size.reservedCores()).isEqualTo(1);
    assertThat(size.networkEfficiency()).isEqualTo(0.6);
  }

  @Test
  void readsInstanceTypesWithDottedNames() throws IOException {
    MigrationConfig config = load("""
        migration.size.instances {
          "m5.8xlarge" { vcpus = 32, memory-gib = 128, network-gbps = 10 }
          "c.small" { vcpus = 4, memory-gib = 7.5, network-gbps = 2.5 }
        }
        """);

    assertThat(config.size().instances()).containsExactly(
        new InstanceType("c.small", 4, 7.5, 2.5), new InstanceType("m5.8xlarge", 32, 128, 10));
  }

  @Test
  void exampleCatalogLoads() {
    MigrationConfig config = ConfigLoader.load(new ConfigLoader.Request(Optional.of(Path.of(
        "conf/size-catalog-example.conf")), Optional.empty(), Optional.of("/dst"), Map.of(), Set.of()));

    assertThat(config.size().instances()).extracting(InstanceType::name)
        .containsExactly("m5.12xlarge", "m5.16xlarge", "m5.24xlarge", "m5.8xlarge");
    assertThat(config.size().instances().get(3)).isEqualTo(new InstanceType("m5.8xlarge", 32, 128, 10));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vcpus = 32, memory-gib = 128 | key migration.size.instances.\"m5.8xlarge\".network-gbps is missing",
      "vcpus = 32, memory-gib = 128, network-gbps = -10 | key migration.size.instances.\"m5.8xlarge\".network-gbps"
          + " has the invalid value -10",
      "vcpus = 32, memory-gib = 0, network-gbps = 10 | key migration.size.instances.\"m5.8xlarge\".memory-gib has"
          + " the invalid value 0",
      "vcpus = 32.5, memory-gib = 128, network-gbps = 10 | migration.size.instances.\"m5.8xlarge\".vcpus has the"
          + " invalid value 32.5 (config file",
      "vcpus = 1, memory-gib = 4, network-gbps = 10 | must exceed migration.size.reserved-cores (1)",
      "vcpus = \"many\", memory-gib = 128, network-gbps = 10 | vcpus has the invalid value \"many\"",
      "vcpus = 32, memory-gib = 128, network-gbps = 10, nic = 2 | unknown key migration.size.instances.\"m5.8xlarge\".nic",
  })
  void rejectsInvalidInstanceType(String fields, String message) throws IOException {
    String hocon = "migration.size.instances { \"m5.8xlarge\" { " + fields + " } }\n";

    assertThatThrownBy(() -> load(hocon))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidInputException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
  }

  @Test
  void rejectsInstanceTypeThatIsNotAnObject() {
    assertThatThrownBy(() -> load("migration.size.instances { \"m5.8xlarge\" = 32 }\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("migration.size.instances.\"m5.8xlarge\" must be an object with vcpus, memory-gib"
            + " and network-gbps");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "migration.size.utilisation | 0 | must be above 0 and at most 1",
      "migration.size.utilisation | 1.5 | must be above 0 and at most 1",
      "migration.size.network-efficiency | -0.1 | must be above 0 and at most 1",
      "migration.size.min-samples | 2 | must be between 3 and 1000000",
      "migration.size.streams-per-core | 0 | must be between 1 and 16",
  })
  void rejectsOutOfRangeSetting(String key, String value, String rule) {
    assertThatThrownBy(() -> load("", Map.of(key, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key " + key + " has the invalid value")
        .hasMessageContaining(rule);
  }

  @Test
  void rejectsUnknownSizeKey() {
    assertThatThrownBy(() -> load("migration.size.utilization = 0.5\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown key migration.size.utilization")
        .hasMessageContaining("Did you mean migration.size.utilisation?");
  }
}
