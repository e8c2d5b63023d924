package dev.lepton.migrate.testing.gcs;

import java.io.IOException;
import java.io.OutputStream;

/** Where a handler writes its response: the HTTP exchange itself or one part of a batch response. */
interface GcsResponse {
  void setHeader(String name, String value);

  /** Sends a complete small body, such as a JSON resource. */
  void send(int status, String contentType, byte[] body) throws IOException;

  /** Sends a status with an empty body. */
  void sendEmpty(int status) throws IOException;

  /**
   * Sends the status and headers for a body of {@code length} bytes and returns the stream to
   * write it to. The caller closes the stream.
   */
  OutputStream sendStream(int status, long length) throws IOException;

  /** Returns whether the status line has been sent, after which an error can no longer be sent. */
  boolean committed();
}
