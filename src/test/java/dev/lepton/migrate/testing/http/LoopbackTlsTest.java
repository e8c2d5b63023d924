package dev.lepton.migrate.testing.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.apache.hadoop.security.ssl.DelegatingSSLSocketFactory;
import org.apache.hadoop.security.ssl.DelegatingSSLSocketFactory.SSLChannelMode;
import org.junit.jupiter.api.Test;

/**
 * Tests that Hadoop's TLS socket factory, which ABFS uses for {@code abfss://}, trusts the loopback
 * certificate even when the JVM's default TLS context and that factory were made before the first
 * TLS test server started. Other tests in the same JVM may make both first.
 */
class LoopbackTlsTest {
  @Test
  void earlierHadoopFactoryTrustsCertificate() throws Exception {
    SSLContext.getDefault();
    DelegatingSSLSocketFactory.initializeDefaultFactory(SSLChannelMode.Default_JSSE);

    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.setHttpsConfigurator(new HttpsConfigurator(LoopbackTls.serverContext()));
    server.createContext("/", exchange -> {
      byte[] body = "over tls".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      DelegatingSSLSocketFactory.initializeDefaultFactory(SSLChannelMode.Default_JSSE);
      URL url = new URL("https://127.0.0.1:" + server.getAddress().getPort() + "/");
      HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
      connection.setSSLSocketFactory(DelegatingSSLSocketFactory.getDefaultFactory());
      try (InputStream in = connection.getInputStream()) {
        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("over tls");
      }
    } finally {
      server.stop(0);
    }
  }
}
