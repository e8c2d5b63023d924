package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One JSON API request, either read from the socket or unpacked from a batch. The body is already
 * decompressed when the client sent {@code Content-Encoding: gzip}, as the connector does for
 * uploads and JSON bodies.
 */
final class GcsRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final InputStream body;

  GcsRequest(String method, String rawPath, String rawQuery, Headers headers, InputStream body)
      throws IOException {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    this.query = UrlCodec.parseQuery(this.rawQuery);
    this.headers = headers;
    String encoding = headers.getFirst("Content-Encoding");
    this.body = encoding != null && encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(body) : body;
  }

  String method() {
    return method;
  }

  String rawPath() {
    return rawPath;
  }

  /** Returns the request line without the protocol, as the client sent it. */
  String requestLine() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  /** Returns the first value of a query parameter, or null when it is absent. */
  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns a query parameter parsed as a long, or null; a value that is not a number is a 400. */
  Long longParam(String name) {
    String value = param(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw GcsApiException.invalid("Invalid value for " + name + ": " + value);
    }
  }

  boolean booleanParam(String name) {
    return "true".equalsIgnoreCase(param(name));
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  InputStream body() {
    return body;
  }

  /** Reads and discards what is left of the body, so the connection can be reused. */
  void drainBody() {
    try {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away, and the caller closes the exchange anyway.
    }
  }
}
