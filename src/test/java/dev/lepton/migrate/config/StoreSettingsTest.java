package dev.lepton.migrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {
  @TempDir Path dir;

  private MigrationConfig load(String hocon) throws IOException {
    Path file = Files.writeString(dir.resolve("stores.conf"), hocon);
    return ConfigLoader.load(new ConfigLoader.Request(
        Optional.of(file), Optional.of("/src"), Optional.of("/dst"), Map.of(), Set.of()));
  }

  @Test
  void modelledKeysMapOntoConnectorSettings() throws IOException {
    MigrationConfig config = load("""
        migration.stores {
          s3 { endpoint = "http://127.0.0.1:9000", path-style-access = true, multipart-size = 8 MiB,
               credentials-provider = "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider",
               encryption-algorithm = sse-kms, encryption-key-id = "alias/lake" }
          gcs { endpoint = "http://127.0.0.1:4443/", credentials = none }
          hdfs { checksum-combine-mode = COMPOSITE_CRC }
          hadoop { "fs.s3a.fast.upload.buffer" = bytebuffer }
        }
        """);
    Map<String, String> settings = config.stores().hadoopSettings();
    assertThat(settings)
        .containsEntry("fs.s3a.endpoint", "http://127.0.0.1:9000")
        .containsEntry("fs.s3a.path.style.access", "true")
        .containsEntry("fs.s3a.multipart.size", String.valueOf(8L << 20))
        .containsEntry("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider")
        .containsEntry("fs.s3a.encryption.algorithm", "SSE-KMS")
        .containsEntry("fs.s3a.encryption.key", "alias/lake")
        .containsEntry("fs.gs.storage.root.url", "http://127.0.0.1:4443/")
        .containsEntry("fs.gs.auth.null.enable", "true")
        .containsEntry("dfs.checksum.combine.mode", "COMPOSITE_CRC")
        .containsEntry("fs.s3a.fast.upload.buffer", "bytebuffer")
        .doesNotContainKey("fs.s3a.endpoint.region");
  }

  @Test
  void secretInFreeFormBlockIsRejected() {
    assertThatThrownBy(() -> load("migration.stores.hadoop { \"fs.s3a.secret.key\" = abc }"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fs.s3a.secret.key")
        .hasMessageContaining("line 1")
        .hasMessageContaining("credential provider")
        .hasMessageNotContaining("abc");
  }

  @Test
  void sseCustomerKeyInConfigIsRejected() {
    assertThatThrownBy(() -> load("migration.stores.s3 { encryption-algorithm = SSE-C, encryption-key-id = k }"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("encryption-key-id")
        .hasMessageContaining("secret");
  }

  @Test
  void keyfileCredentialsNeedAPath() {
    assertThatThrownBy(() -> load("migration.stores.gcs.credentials = keyfile"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("keyfile-path");
  }

  @Test
  void unknownKeyInModelledBlockIsRejected() {
    assertThatThrownBy(() -> load("migration.stores.s3.endpiont = x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown key migration.stores.s3.endpiont")
        .hasMessageContaining("Did you mean migration.stores.s3.endpoint?");
  }
}
