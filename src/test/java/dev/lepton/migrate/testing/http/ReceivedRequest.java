package dev.lepton.migrate.testing.http;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One request as a test server received it: method, raw path, decoded query parameters, headers
 * and body. A subclass adds what its service encodes in the path, headers and parameters.
 */
public abstract class ReceivedRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final InputStream body;

  /**
   * Creates a request from its parts. A null {@code rawQuery} means no query, and {@code query}
   * contains its decoded parameters, parsed by the subclass with its service's error for a bad
   * escape.
   */
  protected ReceivedRequest(
      String method, String rawPath, String rawQuery, Map<String, List<String>> query, Headers headers,
      InputStream body) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    this.query = query;
    this.headers = headers;
    this.body = body;
  }

  public final String method() {
    return method;
  }

  public final String rawPath() {
    return rawPath;
  }

  public final Map<String, List<String>> query() {
    return query;
  }

  /** Returns the request line without the protocol, as the client sent it. */
  public final String requestLine() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  /** Returns the first value of a query parameter, or null when it is absent. */
  public final String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public final Headers headers() {
    return headers;
  }

  public final InputStream body() {
    return body;
  }

  /** Reads and discards what is left of the body, so the connection can be reused. */
  public final void drainBody() {
    try {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away, and the caller closes the exchange anyway.
    }
  }
}
