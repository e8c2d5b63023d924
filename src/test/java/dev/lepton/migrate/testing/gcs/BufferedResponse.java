package dev.lepton.migrate.testing.gcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link GcsResponse} kept in memory, for the parts of a batch response. Batches carry metadata
 * calls only, so their responses are small.
 */
final class BufferedResponse implements GcsResponse {
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status;

  @Override
  public void setHeader(String name, String value) {
    headers.put(name, value);
  }

  @Override
  public void send(int status, String contentType, byte[] content) {
    setHeader("Content-Type", contentType);
    this.status = status;
    body.write(content, 0, content.length);
  }

  @Override
  public void sendEmpty(int status) {
    this.status = status;
  }

  @Override
  public OutputStream sendStream(int status, long length) throws IOException {
    this.status = status;
    return body;
  }

  @Override
  public boolean committed() {
    return status != 0;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body.toByteArray();
  }
}
