package dev.lepton.migrate.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.sizing.InstanceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the instance catalog, {@code migration.size.instances { "NAME" { vcpus = 32, memory-gib = 128,
 * network-gbps = 10 } }}. Its keys are instance names, so the loader leaves the block unchecked and
 * this class checks every entry: each field present, a number, above 0, and no other field.
 */
final class InstanceCatalog {
  static final String VCPUS = "vcpus";
  static final String MEMORY = "memory-gib";
  static final String NETWORK = "network-gbps";
  private static final Set<String> FIELDS = Set.of(VCPUS, MEMORY, NETWORK);

  private InstanceCatalog() {}

  static List<InstanceType> read(Config config, String key, int reservedCores) {
    if (!config.hasPath(key)) {
      return List.of();
    }
    ConfigValue block = config.getValue(key);
    if (block.valueType() != ConfigValueType.OBJECT) {
      throw new InvalidInputException("Cannot load config: " + key + " must be an object of instance types ("
          + ConfigLoader.describe(block.origin()) + "). Write it as " + key
          + " { \"m5.8xlarge\" { vcpus = 32, memory-gib = 128, network-gbps = 10 } }.");
    }
    List<InstanceType> instances = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : new java.util.TreeMap<>((ConfigObject) block).entrySet()) {
      instances.add(instance(key + ".\"" + entry.getKey() + "\"", entry.getKey(), entry.getValue(), reservedCores));
    }
    return instances;
  }

  private static InstanceType instance(String path, String name, ConfigValue value, int reservedCores) {
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw new InvalidInputException("Cannot load config: " + path + " must be an object with " + VCPUS + ", "
          + MEMORY + " and " + NETWORK + " (" + ConfigLoader.describe(value.origin()) + ").");
    }
    ConfigObject fields = (ConfigObject) value;
    for (Map.Entry<String, ConfigValue> field : fields.entrySet()) {
      if (!FIELDS.contains(field.getKey())) {
        throw new InvalidInputException("Cannot load config: unknown key " + path + "." + field.getKey() + " ("
            + ConfigLoader.describe(field.getValue().origin()) + "). An instance type takes " + VCPUS + ", "
            + MEMORY + " and " + NETWORK + ". Remove the key or correct its name.");
      }
    }
    double vcpus = positive(fields, path, VCPUS);
    if (vcpus != Math.rint(vcpus) || vcpus > 100_000) {
      throw invalid(fields, path, VCPUS, "must be a whole number of vCPUs");
    }
    if (vcpus <= reservedCores) {
      throw invalid(fields, path, VCPUS, "must exceed migration.size.reserved-cores (" + reservedCores
          + "), or no vCPU is left for copying");
    }
    return new InstanceType(name, (int) vcpus, positive(fields, path, MEMORY), positive(fields, path, NETWORK));
  }

  private static double positive(ConfigObject fields, String path, String field) {
    ConfigValue value = fields.get(field);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      throw new InvalidInputException("Cannot load config: key " + path + "." + field + " is missing ("
          + ConfigLoader.describe(fields.origin()) + "). Set it from the vendor's documentation of the type.");
    }
    if (value.valueType() != ConfigValueType.NUMBER) {
      throw invalid(fields, path, field, "must be a number");
    }
    double number = ((Number) value.unwrapped()).doubleValue();
    if (!(number > 0) || Double.isInfinite(number)) {
      throw invalid(fields, path, field, "must be above 0");
    }
    return number;
  }

  private static InvalidInputException invalid(ConfigObject fields, String path, String field, String rule) {
    ConfigValue value = fields.get(field);
    return new InvalidInputException("Cannot load config: key " + path + "." + field + " has the invalid value "
        + value.render() + " (" + ConfigLoader.describe(value.origin()) + "): it " + rule
        + ". Change the value in the config file or on the command line.");
  }
}
