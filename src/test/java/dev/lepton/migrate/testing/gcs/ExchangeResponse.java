package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** A {@link GcsResponse} written straight to the client's connection. */
final class ExchangeResponse implements GcsResponse {
  private final HttpExchange exchange;
  private boolean committed;

  ExchangeResponse(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public void send(int status, String contentType, byte[] body) throws IOException {
    setHeader("Content-Type", contentType);
    try (OutputStream out = sendStream(status, body.length)) {
      out.write(body);
    }
  }

  @Override
  public void sendEmpty(int status) throws IOException {
    committed = true;
    // With -1, HttpServer sends no body and a Content-Length of 0.
    exchange.sendResponseHeaders(status, -1);
  }

  @Override
  public OutputStream sendStream(int status, long length) throws IOException {
    committed = true;
    if (length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return OutputStream.nullOutputStream();
    }
    exchange.sendResponseHeaders(status, length);
    return exchange.getResponseBody();
  }

  @Override
  public boolean committed() {
    return committed;
  }
}
