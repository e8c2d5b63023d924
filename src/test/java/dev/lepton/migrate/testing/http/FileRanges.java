package dev.lepton.migrate.testing.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Streams byte ranges of stored bodies into responses. */
public final class FileRanges {
  private static final int COPY_BUFFER_BYTES = 256 * 1024;

  private FileRanges() {}

  /**
   * Copies {@code length} bytes from {@code channel}, starting at {@code position}, to {@code out}
   * and closes {@code out}, also on failure. Throws an IOException when the file ends before that many bytes.
   */
  public static void copyAndClose(FileChannel channel, long position, long length, OutputStream out)
      throws IOException {
    try (out) {
      ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER_BYTES);
      long offset = position;
      long remaining = length;
      while (remaining > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
        int read = channel.read(buffer, offset);
        if (read < 0) {
          throw new IOException("The stored body ended " + remaining + " bytes early");
        }
        out.write(buffer.array(), 0, read);
        offset += read;
        remaining -= read;
      }
    }
  }
}
