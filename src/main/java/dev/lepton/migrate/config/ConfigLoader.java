package dev.lepton.migrate.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.lepton.migrate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the effective config: {@code reference.conf} from the jar, then the {@code --config} file,
 * then {@code --source}, {@code --target} and {@code --set} from the command line. Every problem is
 * an {@link InvalidInputException} naming the key, where it was set, the value and the fix.
 */
public final class ConfigLoader {
  static final String ROOT = "migration";

  /** Blocks under {@code migration} whose keys are free-form and passed through unchanged. */
  static final Set<String> FREE_FORM_BLOCKS = Set.of("migration.stores.hadoop", "migration.copy.rename", "migration.size.instances");

  private ConfigLoader() {}

  /** Input of one load: everything the command line contributes. */
  public record Request(
      Optional<Path> file,
      Optional<String> source,
      Optional<String> target,
      Map<String, String> overrides,
      Set<String> requiredKeys) {
    public Request {
      overrides = new LinkedHashMap<>(overrides);
      requiredKeys = Set.copyOf(requiredKeys);
    }
  }

  public static MigrationConfig load(Request request) {
    Config reference = loadReference();
    Config user = ConfigFactory.empty();
    if (request.file().isPresent()) {
      user = parseFile(request.file().get());
      rejectUnknownRootKeys(user);
    }
    user = withCommandLine(user, request);
    rejectUnknownKeys(user, reference);

    Config effective;
    try {
      effective = user.withFallback(reference).resolve(ConfigResolveOptions.defaults());
    } catch (ConfigException e) {
      throw new InvalidInputException(
          "Cannot load config: " + e.getMessage() + ". Fix the reference or define the variable.", e);
    }
    return TypedConfig.from(effective, request.requiredKeys());
  }

  static Config loadReference() {
    return ConfigFactory.parseResources(
        ConfigLoader.class.getClassLoader(), "reference.conf", ConfigParseOptions.defaults());
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          "Cannot read config file " + file + ": the file does not exist or is not a regular file."
              + " Pass an existing HOCON file to --config.");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new InvalidInputException(
          "Cannot parse config file " + file + ": " + e.getMessage() + ". Fix the HOCON syntax.", e);
    }
  }

  private static Config withCommandLine(Config user, Request request) {
    Config result = user;
    for (Map.Entry<String, String> entry : request.overrides().entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(ROOT + ".")) {
        throw new InvalidInputException(
            "Cannot apply --set " + key + ": the key is not under '" + ROOT + "'. Use --set "
                + ROOT + ".KEY=VALUE for job settings and --conf for Spark or Hadoop settings.");
      }
      result = result.withValue(key, overrideValue(key, entry.getValue()));
    }
    if (request.source().isPresent()) {
      result = result.withValue(ROOT + ".source", commandLineValue("--source", request.source().get()));
    }
    if (request.target().isPresent()) {
      result = result.withValue(ROOT + ".target", commandLineValue("--target", request.target().get()));
    }
    return result;
  }

  private static ConfigValue overrideValue(String key, String raw) {
    String trimmed = raw.trim();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      try {
        return ConfigFactory.parseString("v = " + trimmed,
                ConfigParseOptions.defaults().setOriginDescription("--set " + key))
            .getValue("v");
      } catch (ConfigException e) {
        throw new InvalidInputException(
            "Cannot apply --set " + key + ": the value " + raw + " is not valid HOCON ("
                + e.getMessage() + "). Quote list items, e.g. --set " + key + "=[\"a\",\"b\"].", e);
      }
    }
    return commandLineValue("--set " + key, raw);
  }

  private static ConfigValue commandLineValue(String option, String raw) {
    return ConfigValueFactory.fromAnyRef(raw, "command line " + option);
  }

  /**
   * Rejects top-level keys other than {@code migration} in a config file. The job reads nothing
   * outside its root, so such a key is a misspelt root or a setting that would be silently ignored.
   * This rejects top-level helper keys for substitutions too. A file can take such a value from an
   * environment variable with {@code ${?NAME}} instead.
   */
  private static void rejectUnknownRootKeys(Config file) {
    for (Map.Entry<String, ConfigValue> entry : new java.util.TreeMap<>(file.root()).entrySet()) {
      String key = entry.getKey();
      if (key.equals(ROOT)) {
        continue;
      }
      String suggestion = KeySuggestions.closest(key, List.of(ROOT))
          .map(k -> " Did you mean " + k + "?")
          .orElse("");
      throw new InvalidInputException(
          "Cannot load config: unknown top-level key " + quoteIfNeeded(key) + " ("
              + describe(entry.getValue().origin()) + ")." + suggestion + " Every setting goes under the root '"
              + ROOT + "', as in " + ROOT + " { copy { checksum = md5 } }. Remove the key or correct its name.");
    }
  }

  /** Rejects keys under {@code migration} that reference.conf does not declare. */
  private static void rejectUnknownKeys(Config user, Config reference) {
    if (!user.hasPathOrNull(ROOT)) {
      return;
    }
    ConfigValue root = user.root().get(ROOT);
    if (root.valueType() != ConfigValueType.OBJECT) {
      throw new InvalidInputException(
          "Cannot load config: '" + ROOT + "' must be an object (" + describe(root.origin())
              + "). Write it as " + ROOT + " { ... }.");
    }
    List<String> known = new ArrayList<>();
    collectPaths(reference.getObject(ROOT), ROOT, known);
    checkObject((ConfigObject) root, ROOT, reference, known);
  }

  private static void checkObject(
      ConfigObject object, String prefix, Config reference, List<String> known) {
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      String path = prefix + "." + quoteIfNeeded(entry.getKey());
      if (FREE_FORM_BLOCKS.contains(path)) {
        continue;
      }
      if (!reference.hasPathOrNull(path)) {
        String suggestion = KeySuggestions.closest(path, known)
            .map(k -> " Did you mean " + k + "?")
            .orElse("");
        throw new InvalidInputException(
            "Cannot load config: unknown key " + path + " (" + describe(entry.getValue().origin())
                + ")." + suggestion + " Remove the key or correct its name; reference.conf in the jar"
                + " lists every key with its default.");
      }
      boolean referenceIsObject =
          !reference.getIsNull(path) && reference.getValue(path).valueType() == ConfigValueType.OBJECT;
      if (referenceIsObject && entry.getValue().valueType() == ConfigValueType.OBJECT) {
        checkObject((ConfigObject) entry.getValue(), path, reference, known);
      }
    }
  }

  private static void collectPaths(ConfigObject object, String prefix, List<String> out) {
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      String path = prefix + "." + entry.getKey();
      out.add(path);
      if (entry.getValue().valueType() == ConfigValueType.OBJECT) {
        collectPaths((ConfigObject) entry.getValue(), path, out);
      }
    }
  }

  private static String quoteIfNeeded(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }

  /** Renders where a value was set: "config file /a/b.conf, line 3" or "command line --set ...". */
  static String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "unknown origin";
    }
    if (origin.filename() != null) {
      return "config file " + origin.filename() + ", line " + origin.lineNumber();
    }
    if (origin.resource() != null) {
      return "resource " + origin.resource() + ", line " + origin.lineNumber();
    }
    return origin.description();
  }
}
