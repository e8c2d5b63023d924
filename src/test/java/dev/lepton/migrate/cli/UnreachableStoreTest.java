package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.abfs.AbfsTestServer;
import dev.lepton.migrate.testing.http.LoopbackTls;
import dev.lepton.migrate.testing.servers.S3Settings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores that cannot work at all: the command stops with exit 2 and names the cause and the fix,
 * after one retry of the connector, and writes nothing. Without the probe, ABFS retries an untrusted
 * certificate with its full backoff policy for many minutes before the command gets an error.
 */
class UnreachableStoreTest {
  @TempDir Path dir;

  @Test
  void untrustedCertificateNamesTrustStore() throws Exception {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.setHttpsConfigurator(new HttpsConfigurator(LoopbackTls.untrustedServerContext()));
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    Configuration session = SharedSpark.session().sparkContext().hadoopConfiguration();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.azure.abfs.endpoint", "127.0.0.1:" + server.getAddress().getPort());
    settings.put("fs.azure.always.use.https", "true");
    settings.put("fs.azure.account.auth.type", "SharedKey");
    settings.put("fs.azure.account.hns.enabled", "true");
    Map<String, String> before = new LinkedHashMap<>();
    settings.keySet().forEach(key -> before.put(key, session.get(key)));
    String keyName = "fs.azure.account.key." + AbfsTestServer.ACCOUNT_HOST;
    before.put(keyName, session.get(keyName));
    session.set(keyName, AbfsTestServer.ACCOUNT_KEY);
    Path target = dir.resolve("target");
    String source = "abfss://untrusted@" + AbfsTestServer.ACCOUNT_HOST + "/data";
    try {
      Cli.Result result = Cli.run("plan", "--source", source, "--target", target.toString(),
          "--set", "migration.stores.hadoop=" + hocon(settings));

      assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(result.err()).contains("Cannot reach " + source + " (migration.source");
      assertThat(result.err()).contains("the TLS handshake failed");
      assertThat(result.err()).contains("-Djavax.net.ssl.trustStore=FILE");
      assertThat(target).doesNotExist();
    } finally {
      server.stop(0);
      before.forEach((key, value) -> {
        if (value == null) {
          session.unset(key);
        } else {
          session.set(key, value);
        }
      });
    }
  }

  @Test
  void refusedConnectionNamesEndpoint() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String bucket = "refused-" + closedPort;
    Map<String, String> settings = S3Settings.loopback(bucket, "http://127.0.0.1:" + closedPort,
        "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider");
    Path source = dir.resolve("source");
    Files.createDirectories(source);
    String target = "s3a://" + bucket + "/lake";

    Cli.Result result = Cli.run("copy", "--source", source.toString(), "--target", target,
        "--set", "migration.stores.hadoop=" + hocon(settings));

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("Cannot reach " + target + " (migration.target");
    assertThat(result.err()).contains("the connection failed");
    assertThat(result.err()).contains("Check the host and port of the store's endpoint");
  }

  private static String hocon(Map<String, String> settings) {
    return settings.entrySet().stream()
        .map(entry -> '"' + entry.getKey() + "\"=\"" + entry.getValue() + '"')
        .collect(Collectors.joining(",", "{", "}"));
  }
}
