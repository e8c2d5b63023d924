package dev.lepton.migrate.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import dev.lepton.migrate.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Hadoop settings that {@code migration.stores} maps onto the connectors, in the order they are
 * applied. Values set with {@code --conf spark.hadoop.KEY} win over these.
 */
public record StoreSettings(Map<String, String> hadoopSettings) {
  /** Hadoop keys whose values are secrets: they must come from a credential provider instead. */
  private static final Pattern SECRET_HADOOP_KEY = Pattern.compile(
      "(?i).*(secret|password|\\.access\\.key$|account\\.key|sas\\.token|fixed\\.token|private\\.key|"
          + "oauth2\\.client\\.secret|session\\.token|encryption\\.key$).*");

  public StoreSettings {
    hadoopSettings = new LinkedHashMap<>(hadoopSettings);
  }

  static StoreSettings from(Config config) {
    Map<String, String> out = new LinkedHashMap<>();
    Config s3 = config.getConfig("migration.stores.s3");
    put(out, s3, "endpoint", "fs.s3a.endpoint");
    put(out, s3, "region", "fs.s3a.endpoint.region");
    putBoolean(out, s3, "path-style-access", "fs.s3a.path.style.access");
    putBoolean(out, s3, "ssl-enabled", "fs.s3a.connection.ssl.enabled");
    put(out, s3, "credentials-provider", "fs.s3a.aws.credentials.provider");
    putS3Encryption(out, s3);
    putBytes(out, s3, "multipart-size", "fs.s3a.multipart.size");
    putBytes(out, s3, "multipart-threshold", "fs.s3a.multipart.threshold");
    putInt(out, s3, "max-attempts", "fs.s3a.attempts.maximum");
    putInt(out, s3, "max-attempts", "fs.s3a.retry.limit");
    putInt(out, s3, "max-connections", "fs.s3a.connection.maximum");

    Config gcs = config.getConfig("migration.stores.gcs");
    put(out, gcs, "endpoint", "fs.gs.storage.root.url");
    put(out, gcs, "project-id", "fs.gs.project.id");
    putGcsCredentials(out, gcs);
    putBytes(out, gcs, "upload-chunk-size", "fs.gs.outputstream.upload.chunk.size");
    putInt(out, gcs, "max-attempts", "fs.gs.http.max.retry");

    Config azure = config.getConfig("migration.stores.azure");
    put(out, azure, "auth-type", "fs.azure.account.auth.type");
    put(out, azure, "token-provider", "fs.azure.account.oauth.provider.type");
    put(out, azure, "oauth-client-id", "fs.azure.account.oauth2.client.id");
    put(out, azure, "oauth-endpoint", "fs.azure.account.oauth2.client.endpoint");
    putBoolean(out, azure, "always-https", "fs.azure.always.use.https");
    putInt(out, azure, "max-attempts", "fs.azure.io.retry.max.retries");
    putBytes(out, azure, "write-request-size", "fs.azure.write.request.size");

    Config hdfs = config.getConfig("migration.stores.hdfs");
    put(out, hdfs, "checksum-combine-mode", "dfs.checksum.combine.mode");

    for (Map.Entry<String, ConfigValue> entry : config.getObject("migration.stores.hadoop").entrySet()) {
      String key = entry.getKey();
      rejectSecret(key, entry.getValue());
      out.put(key, String.valueOf(entry.getValue().unwrapped()));
    }
    return new StoreSettings(out);
  }

  private static void putS3Encryption(Map<String, String> out, Config s3) {
    if (!s3.hasPath("encryption-algorithm")) {
      if (s3.hasPath("encryption-key-id")) {
        throw invalid(s3, "encryption-key-id", "is set without migration.stores.s3.encryption-algorithm",
            "Set the algorithm (SSE-KMS or DSSE-KMS) too, or remove the key id");
      }
      return;
    }
    String algorithm = s3.getString("encryption-algorithm").toUpperCase(Locale.ROOT);
    if (!algorithm.matches("SSE-S3|SSE-KMS|DSSE-KMS|SSE-C")) {
      throw invalid(s3, "encryption-algorithm", "is not SSE-S3, SSE-KMS, DSSE-KMS or SSE-C", "Use one of those");
    }
    if (algorithm.equals("SSE-C") && s3.hasPath("encryption-key-id")) {
      throw invalid(s3, "encryption-key-id", "would be the SSE-C key itself, a secret",
          "Put the key in a Hadoop credential provider (hadoop.security.credential.provider.path) and remove"
              + " it from the config");
    }
    out.put("fs.s3a.encryption.algorithm", algorithm);
    put(out, s3, "encryption-key-id", "fs.s3a.encryption.key");
  }

  private static void putGcsCredentials(Map<String, String> out, Config gcs) {
    String mode = gcs.getString("credentials").toLowerCase(Locale.ROOT);
    switch (mode) {
      case "default" -> {
        if (gcs.hasPath("keyfile-path")) {
          throw invalid(gcs, "keyfile-path", "is set but credentials is 'default'", "Set credentials = keyfile");
        }
      }
      case "keyfile" -> {
        if (!gcs.hasPath("keyfile-path")) {
          throw invalid(gcs, "credentials", "is 'keyfile' but keyfile-path is not set",
              "Set migration.stores.gcs.keyfile-path to the JSON key file's path");
        }
        out.put("fs.gs.auth.service.account.enable", "true");
        out.put("fs.gs.auth.service.account.json.keyfile", gcs.getString("keyfile-path"));
      }
      case "none" -> {
        out.put("fs.gs.auth.service.account.enable", "false");
        out.put("fs.gs.auth.null.enable", "true");
      }
      default -> throw invalid(gcs, "credentials", "is '" + mode + "'", "Use default, keyfile or none");
    }
  }

  private static void rejectSecret(String key, ConfigValue value) {
    if (SECRET_HADOOP_KEY.matcher(key).matches()) {
      throw new InvalidInputException(
          "Cannot accept migration.stores.hadoop.\"" + key + "\" (" + ConfigLoader.describe(value.origin())
              + "): the key holds a secret, and secrets must not be written in config files. Remove it and"
              + " provide the value through a credential provider (hadoop.security.credential.provider.path),"
              + " the environment or the platform's identity.");
    }
  }

  private static void put(Map<String, String> out, Config block, String key, String hadoopKey) {
    if (block.hasPath(key)) {
      out.put(hadoopKey, block.getString(key));
    }
  }

  private static void putBoolean(Map<String, String> out, Config block, String key, String hadoopKey) {
    if (block.hasPath(key)) {
      out.put(hadoopKey, Boolean.toString(block.getBoolean(key)));
    }
  }

  private static void putInt(Map<String, String> out, Config block, String key, String hadoopKey) {
    if (block.hasPath(key)) {
      out.put(hadoopKey, Integer.toString(block.getInt(key)));
    }
  }

  private static void putBytes(Map<String, String> out, Config block, String key, String hadoopKey) {
    if (block.hasPath(key)) {
      out.put(hadoopKey, Long.toString(block.getBytes(key)));
    }
  }

  private static InvalidInputException invalid(Config block, String key, String problem, String fix) {
    String where = block.hasPath(key) ? " (" + ConfigLoader.describe(block.getValue(key).origin()) + ")" : "";
    return new InvalidInputException(
        "Cannot load config: key " + key + " of migration.stores" + where + " " + problem + ". " + fix + ".");
  }
}
