package dev.lepton.migrate.testing.abfs;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One DFS request. The driver, pointed at an IP address, puts the account in the path: {@code
 * /ACCOUNT/FILESYSTEM/PATH}. {@code path} is the decoded path inside the filesystem without leading
 * or trailing slashes, empty for the filesystem's root.
 */
final class DfsRequest {
  private final String method;
  private final String httpMethod;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final InputStream body;
  private final String account;
  private final String filesystem;
  private final String path;

  DfsRequest(String httpMethod, String rawPath, String rawQuery, Headers headers, InputStream body) {
    this.httpMethod = httpMethod;
    String override = headers.getFirst("X-HTTP-Method-Override");
    // HttpURLConnection cannot send PATCH, so the driver sends PUT with this header instead.
    this.method = override == null ? httpMethod : override.toUpperCase(Locale.ROOT);
    this.rawPath = rawPath;
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    this.query = PathCodec.parseQuery(this.rawQuery);
    this.headers = headers;
    this.body = body;
    String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", 3) : rawPath.split("/", 3);
    this.account = segments.length > 0 ? segments[0] : "";
    this.filesystem = segments.length > 1 ? PathCodec.decode(segments[1]) : "";
    this.path = segments.length > 2 ? PathCodec.decodePath(segments[2]) : "";
  }

  /** Returns the method the driver means, after {@code X-HTTP-Method-Override}. */
  String method() {
    return method;
  }

  /** Returns the method on the request line, which is what Shared Key signs. */
  String httpMethod() {
    return httpMethod;
  }

  String rawPath() {
    return rawPath;
  }

  Map<String, List<String>> query() {
    return query;
  }

  String requestLine() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
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

  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
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
    String value = headers.getFirst(name);
    return value == null || value.isEmpty() ? null : value;
  }

  Headers headers() {
    return headers;
  }

  InputStream body() {
    return body;
  }

  void drainBody() {
    try {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away, and the caller closes the exchange anyway.
    }
  }
}
