package dev.lepton.migrate.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.copy.ChecksumAlgorithm;
import dev.lepton.migrate.copy.ConflictPolicy;
import dev.lepton.migrate.copy.VerifyMode;
import dev.lepton.migrate.deltalog.AbsolutePathPolicy;
import dev.lepton.migrate.deltalog.DivergencePolicy;
import dev.lepton.migrate.plan.Renames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the effective HOCON tree into {@link MigrationConfig}, checking types and ranges. */
final class TypedConfig {
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(secret|password|passwd|token|sas|account\\.key|access\\.key|signature).*");

  private final Config config;

  private TypedConfig(Config config) {
    this.config = config;
  }

  static MigrationConfig from(Config effective, Set<String> requiredKeys) {
    TypedConfig typed = new TypedConfig(effective);
    for (String key : requiredKeys) {
      typed.requireString(key);
    }
    String masked = renderMasked(effective);
    return new MigrationConfig(
        typed.optionalUri("migration.source"),
        typed.optionalUri("migration.target"),
        typed.nonBlank("migration.state-dir"),
        typed.globs("migration.include-globs"),
        typed.globs("migration.exclude-globs"),
        typed.plan(),
        typed.copy(),
        new VerifySettings(
            typed.bool("migration.verify.row-counts"),
            typed.bool("migration.verify.fail-on-unverified")),
        typed.sync(),
        typed.atLeast(typed.duration("migration.report.progress-interval"), Duration.ofSeconds(1)),
        typed.generate(),
        typed.size(),
        typed.stores(),
        masked,
        sha256(masked),
        typed.origins(List.of("migration.source", "migration.target", "migration.state-dir")));
  }

  /** Renders where each key that has a value was set. */
  private Map<String, String> origins(List<String> keys) {
    Map<String, String> origins = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      if (config.hasPath(key)) {
        origins.put(key, ConfigLoader.describe(config.getValue(key).origin()));
      }
    }
    return origins;
  }

  private PlanSettings plan() {
    return new PlanSettings(
        bytesInRange("migration.plan.task-size", 1L << 20, 1L << 40),
        intInRange("migration.plan.min-tasks-per-core", 1, 100),
        bytesInRange("migration.plan.per-file-cost", 0, 1L << 30),
        intInRange("migration.plan.listing-prefixes", 1, 100_000),
        intInRange("migration.plan.listing-max-depth", 0, 20));
  }

  private CopySettings copy() {
    Duration backoff = duration("migration.copy.retry-backoff");
    if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(10)) > 0) {
      throw invalid("migration.copy.retry-backoff", backoff.toString(), "must be between 0 and 10 min");
    }
    return new CopySettings(
        enumValue("migration.copy.checksum", ChecksumAlgorithm.class),
        enumValue("migration.copy.verify", VerifyMode.class),
        (int) bytesInRange("migration.copy.buffer-size", 4096, 64L << 20),
        intInRange("migration.copy.max-attempts", 1, 20),
        backoff,
        bool("migration.copy.preserve-modification-time"),
        enumValue("migration.copy.on-conflict", ConflictPolicy.class),
        bool("migration.copy.store-checksums"),
        bool("migration.copy.server-side-copy"),
        renames("migration.copy.rename"));
  }

  private Renames renames(String key) {
    Map<String, String> renames = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getObject(key).entrySet()) {
      String from = entry.getKey();
      Object to = entry.getValue().unwrapped();
      if (!(to instanceof String target) || !isRelativePath(target) || !isRelativePath(from)) {
        throw new InvalidInputException("Cannot load config: " + key + " maps \"" + from + "\" to \"" + to
            + "\" (" + ConfigLoader.describe(entry.getValue().origin()) + "), but both sides must be relative"
            + " paths without '.' or '..' segments. Write it as " + key + " { \"source/path\" = \"target/path\" }.");
      }
      renames.put(from, target);
    }
    return new Renames(renames);
  }

  private static boolean isRelativePath(String path) {
    String stripped = path.replaceAll("^/+|/+$", "");
    return !stripped.isEmpty() && java.util.Arrays.stream(stripped.split("/", -1))
        .noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
  }

  private StoreSettings stores() {
    try {
      return StoreSettings.from(config);
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      throw new InvalidInputException(
          "Cannot load config: a key under migration.stores has an invalid value: " + e.getMessage()
              + ". Use a value of the type reference.conf documents for this key.", e);
    }
  }

  private SyncSettings sync() {
    List<String> tables = read("migration.sync.tables", () -> config.getStringList("migration.sync.tables"));
    for (String table : tables) {
      String cleaned = table.replaceAll("^/+|/+$", "");
      if (table.isBlank() || cleaned.contains("..") || table.contains("://")) {
        throw invalid("migration.sync.tables", "\"" + table + "\"",
            "must list folders relative to the source root, without '..' (use \".\" for the root itself)");
      }
    }
    double share = read("migration.sync.max-delete-share", () -> config.getDouble("migration.sync.max-delete-share"));
    if (!(share >= 0 && share <= 1)) {
      throw invalid("migration.sync.max-delete-share", Double.toString(share), "must be between 0 and 1");
    }
    Duration lease = duration("migration.sync.lease-duration");
    if (lease.compareTo(Duration.ofSeconds(10)) < 0 || lease.compareTo(Duration.ofHours(24)) > 0) {
      throw invalid("migration.sync.lease-duration", lease.toString(), "must be between 10 s and 24 h");
    }
    return new SyncSettings(
        tables.stream().map(t -> t.replaceAll("^/+|/+$", "")).map(t -> t.equals(".") ? "" : t).toList(),
        intInRange("migration.sync.discovery-max-depth", 0, 100),
        intInRange("migration.sync.parallel-tables", 1, 256),
        enumValue("migration.sync.on-divergence", DivergencePolicy.class),
        enumValue("migration.sync.absolute-paths", AbsolutePathPolicy.class),
        bool("migration.sync.delete-removed-files"),
        bool("migration.sync.delete-extraneous"),
        share,
        lease,
        bytesInRange("migration.sync.small-change-bytes", 0, 1L << 40));
  }

  private GenerateConfig generate() {
    double scale = read("migration.generate.scale-factor", () -> config.getDouble("migration.generate.scale-factor"));
    if (!(scale > 0) || scale > 1000) {
      throw invalid("migration.generate.scale-factor", Double.toString(scale), "must be above 0 and at most 1000");
    }
    return new GenerateConfig(
        scale,
        read("migration.generate.tables", () -> config.getStringList("migration.generate.tables")),
        bool("migration.generate.raw-files"),
        bytesInRange("migration.generate.raw-size", 0, 1L << 40),
        bytesInRange("migration.generate.large-file-size", 0, 1L << 40),
        read("migration.generate.seed", () -> config.getLong("migration.generate.seed")));
  }

  private SizeSettings size() {
    double utilisation = read("migration.size.utilisation", () -> config.getDouble("migration.size.utilisation"));
    if (!(utilisation > 0 && utilisation <= 1)) {
      throw invalid("migration.size.utilisation", Double.toString(utilisation), "must be above 0 and at most 1");
    }
    double efficiency =
        read("migration.size.network-efficiency", () -> config.getDouble("migration.size.network-efficiency"));
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw invalid("migration.size.network-efficiency", Double.toString(efficiency), "must be above 0 and at most 1");
    }
    int reservedCores = intInRange("migration.size.reserved-cores", 0, 64);
    return new SizeSettings(
        intInRange("migration.size.min-samples", 3, 1_000_000),
        utilisation,
        intInRange("migration.size.streams-per-core", 1, 16),
        reservedCores,
        efficiency,
        InstanceCatalog.read(config, "migration.size.instances", reservedCores));
  }

  private void requireString(String key) {
    if (!config.hasPath(key) || config.getValue(key).unwrapped().toString().isBlank()) {
      String option = key.substring(key.lastIndexOf('.') + 1);
      throw new InvalidInputException(
          "Cannot start: required key " + key + " is not set. Pass --" + option + " URI, or set "
              + key + " in the --config file.");
    }
  }

  private Optional<String> optionalUri(String key) {
    if (!config.hasPath(key)) {
      return Optional.empty();
    }
    String value = nonBlank(key);
    if (value.contains("\n") || value.contains("\0")) {
      throw invalid(key, value, "must be a single-line URI or path");
    }
    return Optional.of(value);
  }

  private String nonBlank(String key) {
    String value = read(key, () -> config.getString(key));
    if (value.isBlank()) {
      throw invalid(key, "\"\"", "must not be empty");
    }
    return value;
  }

  private List<String> globs(String key) {
    List<String> globs = read(key, () -> config.getStringList(key));
    for (String glob : globs) {
      if (glob.isBlank()) {
        throw invalid(key, "\"\"", "contains an empty pattern");
      }
    }
    return globs;
  }

  private boolean bool(String key) {
    return read(key, () -> config.getBoolean(key));
  }

  private Duration duration(String key) {
    return read(key, () -> config.getDuration(key));
  }

  private Duration atLeast(Duration value, Duration minimum) {
    return value.compareTo(minimum) < 0 ? minimum : value;
  }

  private int intInRange(String key, int min, int max) {
    int value = read(key, () -> config.getInt(key));
    if (value < min || value > max) {
      throw invalid(key, Integer.toString(value), "must be between " + min + " and " + max);
    }
    return value;
  }

  private long bytesInRange(String key, long min, long max) {
    long value = read(key, () -> config.getBytes(key));
    if (value < min || value > max) {
      throw invalid(key, config.getValue(key).unwrapped().toString(),
          "must be between " + min + " and " + max + " bytes");
    }
    return value;
  }

  private <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String raw = read(key, () -> config.getString(key));
    String normalised = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalised)) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
    throw invalid(key, raw, "must be one of " + allowed);
  }

  private <T> T read(String key, java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException.Missing e) {
      throw new InvalidInputException(
          "Cannot load config: key " + key + " is missing. Set it, or remove the override that"
              + " cleared it.", e);
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      ConfigValue value = config.hasPathOrNull(key) && !config.getIsNull(key) ? config.getValue(key) : null;
      String shown = value == null ? "null" : value.render(ConfigRenderOptions.concise());
      String where = value == null ? "" : " (" + ConfigLoader.describe(value.origin()) + ")";
      throw new InvalidInputException(
          "Cannot load config: key " + key + " has the invalid value " + shown + where + ": "
              + e.getMessage().replaceFirst("^.*?: ", "") + ". Use a value of the type reference.conf"
              + " documents for this key.", e);
    }
  }

  private InvalidInputException invalid(String key, String value, String rule) {
    String where = config.hasPath(key) ? " (" + ConfigLoader.describe(config.getValue(key).origin()) + ")" : "";
    return new InvalidInputException(
        "Cannot load config: key " + key + " has the invalid value " + value + where + ": it " + rule
            + ". Change the value in the config file or on the command line.");
  }

  /** Renders the {@code migration} tree as JSON with every secret-looking value replaced. */
  static String renderMasked(Config effective) {
    Config masked = effective;
    for (Map.Entry<String, ConfigValue> entry : effective.getConfig(ConfigLoader.ROOT).entrySet()) {
      if (SECRET_KEY.matcher(entry.getKey()).matches()) {
        masked = masked.withValue(ConfigLoader.ROOT + "." + entry.getKey(), ConfigValueFactory.fromAnyRef("****"));
      }
    }
    return masked.getConfig(ConfigLoader.ROOT).root().render(ConfigRenderOptions.concise().setFormatted(false));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256 digest", e);
    }
  }
}
