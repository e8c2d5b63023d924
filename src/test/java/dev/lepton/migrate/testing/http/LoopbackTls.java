package dev.lepton.migrate.testing.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hadoop.security.ssl.DelegatingSSLSocketFactory;

/**
 * TLS for test servers on 127.0.0.1: a self-signed certificate for the address 127.0.0.1, made once
 * per JVM with the JDK's keytool, and trusted by this JVM's default TLS context.
 *
 * <p>Connectors that speak only HTTPS for a scheme (ABFS for {@code abfss://}) take the JVM's
 * default TLS context, which the JDK builds once, from the trust store of its first caller. Any
 * library may have asked for it before a test starts a TLS server, so the default context is
 * replaced with one that trusts the certificate, and the trust store is also set as system
 * properties for child JVMs. It holds only this certificate: no test connects anywhere but 127.0.0.1.
 */
public final class LoopbackTls {
  private static final char[] PASSWORD = "lepton-test-only".toCharArray();
  private static SSLContext serverContext;

  private LoopbackTls() {}

  /** Returns the server side's TLS context, creating the certificate and trusting it on first use. */
  public static synchronized SSLContext serverContext() throws IOException {
    if (serverContext == null) {
      Path dir = Files.createTempDirectory("lepton-loopback-tls");
      dir.toFile().deleteOnExit();
      Path keys = dir.resolve("server.p12");
      Path certificate = dir.resolve("server.crt");
      Path trusted = dir.resolve("trusted.p12");
      keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
          "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keys.toString(),
          "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
      keytool("-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass", new String(PASSWORD),
          "-file", certificate.toString());
      keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
          "-keystore", trusted.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
      System.setProperty("javax.net.ssl.trustStore", trusted.toString());
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
      SSLContext.setDefault(clientContext(trusted));
      // Hadoop makes one TLS socket factory per JVM from the default context. A factory made before
      // this point would not trust the certificate, so it is dropped.
      DelegatingSSLSocketFactory.resetDefaultFactory();
      serverContext = context(keys);
    }
    return serverContext;
  }

  /**
   * Returns a server TLS context with a self-signed certificate for 127.0.0.1 that this JVM does
   * not trust, for tests of what a client reports on an untrusted endpoint.
   */
  public static SSLContext untrustedServerContext() throws IOException {
    Path dir = Files.createTempDirectory("lepton-untrusted-tls");
    dir.toFile().deleteOnExit();
    Path keys = dir.resolve("untrusted.p12");
    keytool("-genkeypair", "-alias", "untrusted", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keys.toString(),
        "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
    return context(keys);
  }

  private static SSLContext clientContext(Path trusted) throws IOException {
    try (InputStream in = Files.newInputStream(trusted)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      managers.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot load the test trust store " + trusted + ": " + e.getMessage(), e);
    }
  }

  private static SSLContext context(Path keys) throws IOException {
    try (InputStream in = Files.newInputStream(keys)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot load the test server's key from " + keys + ": " + e.getMessage(), e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for keytool " + args[0], e);
    }
  }
}
