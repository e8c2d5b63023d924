package dev.lepton.migrate.store;

import dev.lepton.migrate.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first request to a remote store before a command relies on it, made with the connector's
 * retries cut to one. The connectors retry every I/O error with backoff, and ABFS with its default
 * policy keeps retrying an untrusted certificate for many minutes without a line of output. The probe
 * turns an endpoint that cannot work (a name that does not resolve, a refused connection, a
 * certificate this JVM does not trust, denied access) into an error within seconds that names the
 * cause and the fix. Any other failure of the probe is left to the command and its full retries.
 */
public final class StoreProbe {
  private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);

  /** Settings that cut each connector's retries for the probe's own file system instance. */
  static final Map<String, String> ONE_RETRY = Map.of(
      "fs.azure.io.retry.max.retries", "1",
      "fs.azure.io.retry.min.backoff.interval", "100",
      "fs.azure.io.retry.max.backoff.interval", "500",
      "fs.s3a.attempts.maximum", "1",
      "fs.s3a.retry.limit", "1",
      "fs.s3a.retry.interval", "100ms",
      "fs.gs.http.max.retry", "1",
      "ipc.client.connect.max.retries", "1",
      "ipc.client.connect.max.retries.on.timeouts", "1",
      "dfs.client.retry.policy.enabled", "false");

  private StoreProbe() {}

  /**
   * Reads the status of {@code location} through a new file system instance with one retry, and
   * throws {@link InvalidInputException} when the store cannot be used at all. Local files are not
   * probed.
   *
   * @param setting the config key that set the location, with its origin, for the message
   */
  public static void check(Location location, Configuration conf, String setting) {
    if ("file".equals(location.scheme())) {
      return;
    }
    Configuration probeConf = new Configuration(conf);
    ONE_RETRY.forEach((key, value) -> {
      probeConf.set(key, value);
      scopedKey(key, location).ifPresent(scoped -> probeConf.set(scoped, value));
    });
    FileSystem fs = null;
    try {
      fs = FileSystem.newInstance(location.uri(), probeConf);
      fs.getFileStatus(location.path());
    } catch (FileNotFoundException e) {
      // The store responded. Whether the folder must exist is for the command to decide.
    } catch (IOException | RuntimeException e) {
      Optional<String> diagnosis = diagnose(e);
      if (diagnosis.isPresent()) {
        throw new InvalidInputException("Cannot reach " + location + " (" + setting + "): "
            + diagnosis.get(), e);
      }
      LOG.debug("Probe of {} failed; the command retries with the connector's full policy", location, e);
    } finally {
      closeQuietly(fs, location);
    }
  }

  /**
   * Returns the per-bucket (S3A) or per-account (ABFS) form of {@code key} for {@code location},
   * which would otherwise win over the probe's global setting.
   */
  static Optional<String> scopedKey(String key, Location location) {
    String authority = location.authority() == null ? "" : location.authority();
    if (key.startsWith("fs.s3a.") && location.scheme().startsWith("s3")) {
      return Optional.of("fs.s3a.bucket." + authority + "." + key.substring("fs.s3a.".length()));
    }
    if (key.startsWith("fs.azure.") && location.scheme().startsWith("abfs") && authority.contains("@")) {
      return Optional.of(key + "." + authority.substring(authority.indexOf('@') + 1));
    }
    return Optional.empty();
  }

  /**
   * Returns the cause and the fix for an error that no retry can cure, found anywhere in the cause
   * chain of {@code error}, or empty for any other error.
   */
  static Optional<String> diagnose(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SSLHandshakeException || cause instanceof CertificateException) {
        return Optional.of("the TLS handshake failed (" + cause.getMessage() + "). This JVM does not trust"
            + " the endpoint's certificate, or the certificate does not name the host. For an endpoint"
            + " with a private certificate authority, add it to a trust store and pass"
            + " -Djavax.net.ssl.trustStore=FILE to the driver and the executors (LEPTON_JAVA_OPTS with"
            + " bin/lepton-migrate; spark.driver.extraJavaOptions and spark.executor.extraJavaOptions on a"
            + " cluster).");
      }
      if (cause instanceof UnknownHostException) {
        return Optional.of("the host name " + cause.getMessage() + " does not resolve. Check the store's"
            + " endpoint setting and the DNS of this machine.");
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return Optional.of("the connection failed (" + cause.getMessage() + "). Check the host and port of"
            + " the store's endpoint, and that the service listens there.");
      }
      if (cause instanceof AccessDeniedException) {
        return Optional.of("the store denied access (" + firstLine(cause.getMessage()) + "). Check the"
            + " credentials provider named in the store's settings and the permissions on this location.");
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void closeQuietly(FileSystem fs, Location location) {
    if (fs == null) {
      return;
    }
    try {
      fs.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot close the probe's file system of {}", location, e);
    }
  }
}
