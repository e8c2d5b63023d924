package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreProbeTest {
  @Test
  void handshakeDeepInChainNamesTrustStore() {
    IOException error = new IOException("GetPathStatus failed",
        new IOException("retries exhausted", new SSLHandshakeException("PKIX path building failed")));

    assertThat(StoreProbe.diagnose(error)).hasValueSatisfying(message -> {
      assertThat(message).startsWith("the TLS handshake failed (PKIX path building failed).");
      assertThat(message).contains("-Djavax.net.ssl.trustStore=FILE");
    });
  }

  @Test
  void unknownHostNamesHost() {
    IOException error = new IOException("list", new UnknownHostException("lake.example.invalid"));

    assertThat(StoreProbe.diagnose(error))
        .hasValue("the host name lake.example.invalid does not resolve. Check the store's endpoint setting"
            + " and the DNS of this machine.");
  }

  @Test
  void refusedConnectionNamesEndpoint() {
    assertThat(StoreProbe.diagnose(new IOException("head", new ConnectException("Connection refused"))))
        .hasValueSatisfying(message -> assertThat(message).startsWith("the connection failed (Connection refused)."));
  }

  @Test
  void deniedAccessKeepsFirstLine() {
    AccessDeniedException denied = new AccessDeniedException("s3a://lake/data: getFileStatus\nrequest id 42");

    assertThat(StoreProbe.diagnose(denied)).hasValueSatisfying(message ->
        assertThat(message).startsWith("the store denied access (s3a://lake/data: getFileStatus).")
            .doesNotContain("request id"));
  }

  @Test
  void otherErrorsAreLeftToCommand() {
    assertThat(StoreProbe.diagnose(new IOException("503 Slow Down"))).isEmpty();
  }

  @Test
  void scopedKeysFollowBucketAndAccount() {
    assertThat(StoreProbe.scopedKey("fs.s3a.retry.limit", Location.parse("s3a://lake/data", "migration.source")))
        .hasValue("fs.s3a.bucket.lake.retry.limit");
    assertThat(StoreProbe.scopedKey("fs.azure.io.retry.max.retries",
        Location.parse("abfss://fs@acct.dfs.core.windows.net/data", "migration.source")))
        .hasValue("fs.azure.io.retry.max.retries.acct.dfs.core.windows.net");
    assertThat(StoreProbe.scopedKey("fs.gs.http.max.retry", Location.parse("gs://lake/data", "migration.source")))
        .isEmpty();
  }

  @Test
  void localFolderIsNotProbed(@TempDir Path dir) {
    Location missing = Location.parse(dir.resolve("missing").toString(), "migration.source");

    StoreProbe.check(missing, new Configuration(), "migration.source");

    assertThat(dir.resolve("missing")).doesNotExist();
  }
}
