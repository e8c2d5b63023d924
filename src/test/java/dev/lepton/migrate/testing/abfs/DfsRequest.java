package dev.lepton.migrate.testing.abfs;

import com.sun.net.httpserver.Headers;
import dev.lepton.migrate.testing.http.ReceivedRequest;
import java.io.InputStream;
import java.util.Locale;

/**
 * One DFS request. The driver, pointed at an IP address, puts the account in the path: {@code
 * /ACCOUNT/FILESYSTEM/PATH}. {@code path} is the decoded path inside the filesystem without leading
 * or trailing slashes, empty for the filesystem's root.
 */
final class DfsRequest extends ReceivedRequest {
  private final String httpMethod;
  private final String account;
  private final String filesystem;
  private final String path;

  /**
   * Creates a request whose {@link #method()} is the method the driver means, after {@code
   * X-HTTP-Method-Override}.
   */
  DfsRequest(String httpMethod, String rawPath, String rawQuery, Headers headers, InputStream body) {
    super(intendedMethod(httpMethod, headers), rawPath, rawQuery, PathCodec.parseQuery(rawQuery), headers, body);
    this.httpMethod = httpMethod;
    String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", 3) : rawPath.split("/", 3);
    this.account = segments.length > 0 ? segments[0] : "";
    this.filesystem = segments.length > 1 ? PathCodec.decode(segments[1]) : "";
    this.path = segments.length > 2 ? PathCodec.decodePath(segments[2]) : "";
  }

  /** Returns the method on the request line, which is what Shared Key signs. */
  String httpMethod() {
    return httpMethod;
  }

  String account() {
    return account;
  }

  String filesystem() {
    return filesystem;
  }

  String path() {
    return path;
  }

  boolean booleanParam(String name) {
    String value = param(name);
    if (value == null || value.isEmpty()) {
      return false;
    }
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw DfsException.invalidQuery(name, value);
    }
    return Boolean.parseBoolean(value);
  }

  /** Returns a non-negative long query parameter, or -1 when it is absent. */
  long longParam(String name) {
    String value = param(name);
    if (value == null || value.isEmpty()) {
      return -1;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw DfsException.invalidQuery(name, value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw DfsException.invalidQuery(name, value);
    }
  }

  String header(String name) {
    String value = headers().getFirst(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static String intendedMethod(String httpMethod, Headers headers) {
    String override = headers.getFirst("X-HTTP-Method-Override");
    // HttpURLConnection cannot send PATCH, so the driver sends PUT with this header instead.
    return override == null ? httpMethod : override.toUpperCase(Locale.ROOT);
  }
}
