package dev.lepton.migrate.testing.abfs;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The response to one DFS request, with the headers every response of the service carries. */
final class DfsResponse {
  /** RFC 1123 dates with a two-digit day, as the service writes {@code Last-Modified}. */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final HttpExchange exchange;
  private final boolean head;
  private boolean committed;

  DfsResponse(HttpExchange exchange, String requestId, String version) {
    this.exchange = exchange;
    this.head = exchange.getRequestMethod().equals("HEAD");
    header("x-ms-request-id", requestId);
    header("x-ms-version", version);
    header("Server", "lepton-dfs-test-server");
    String clientRequestId = exchange.getRequestHeaders().getFirst("x-ms-client-request-id");
    if (clientRequestId != null) {
      header("x-ms-client-request-id", clientRequestId);
    }
  }

  DfsResponse header(String name, String value) {
    if (value != null) {
      exchange.getResponseHeaders().set(name, value);
    }
    return this;
  }

  DfsResponse date(String name, Instant instant) {
    return header(name, HTTP_DATE.format(instant));
  }

  /** Sends a status without a body. A HEAD response may carry the resource's Content-Length. */
  void send(int status, long headContentLength) throws IOException {
    committed = true;
    if (head) {
      header("Content-Length", Long.toString(headContentLength));
    }
    exchange.sendResponseHeaders(status, -1);
  }

  void send(int status) throws IOException {
    send(status, 0);
  }

  void sendJson(int status, byte[] json) throws IOException {
    header("Content-Type", "application/json;charset=utf-8");
    try (OutputStream out = sendStream(status, json.length)) {
      out.write(json);
    }
  }

  /** Sends the headers for a body of {@code length} bytes and returns the stream for it. */
  OutputStream sendStream(int status, long length) throws IOException {
    committed = true;
    if (length == 0 || head) {
      send(status, length);
      return OutputStream.nullOutputStream();
    }
    exchange.sendResponseHeaders(status, length);
    return exchange.getResponseBody();
  }

  boolean committed() {
    return committed;
  }

  boolean isHead() {
    return head;
  }
}
