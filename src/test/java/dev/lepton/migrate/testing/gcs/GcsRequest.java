package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.Headers;
import dev.lepton.migrate.testing.http.ReceivedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * One JSON API request, either read from the socket or unpacked from a batch. The body is already
 * decompressed when the client sent {@code Content-Encoding: gzip}, as the connector does for
 * uploads and JSON bodies.
 */
final class GcsRequest extends ReceivedRequest {
  GcsRequest(String method, String rawPath, String rawQuery, Headers headers, InputStream body)
      throws IOException {
    super(method, rawPath, rawQuery, UrlCodec.parseQuery(rawQuery), headers, decompressed(headers, body));
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
    return headers().getFirst(name);
  }

  private static InputStream decompressed(Headers headers, InputStream body) throws IOException {
    String encoding = headers.getFirst("Content-Encoding");
    return encoding != null && encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(body) : body;
  }
}
