package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams the parts of a MIME multipart body ({@code multipart/related} uploads and {@code
 * multipart/mixed} batches) without holding a part in memory: a part's body ends where the next
 * {@code CRLF--boundary} starts.
 */
final class MultipartReader {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer;
  private int start;
  private int end;
  private boolean sourceExhausted;
  private boolean started;
  private boolean finished;
  private PartBody currentBody;

  MultipartReader(InputStream body, String boundary) {
    // A leading CRLF lets the first boundary line match the same delimiter as the others.
    this.in = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'\r', '\n'}), body);
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[BUFFER_BYTES + delimiter.length];
  }

  /** Returns the {@code boundary} parameter of a multipart content type, or null. */
  static String boundaryOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
        String value = trimmed.substring(9);
        return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
            ? value.substring(1, value.length() - 1)
            : value;
      }
    }
    return null;
  }

  /** Moves to the next part and returns its headers, or null after the closing delimiter. */
  Headers nextPart() throws IOException {
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      skipToDelimiter();
    } else if (currentBody != null) {
      currentBody.transferTo(OutputStream.nullOutputStream());
    }
    if (!ensure(2)) {
      throw malformed("the body ends right after a boundary");
    }
    if (buffer[start] == '-' && buffer[start + 1] == '-') {
      finished = true;
      return null;
    }
    String rest = readLine();
    if (!rest.isBlank()) {
      throw malformed("unexpected text after a boundary: " + rest);
    }
    Headers headers = new Headers();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw malformed("invalid part header: " + line);
      }
      headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    currentBody = new PartBody();
    return headers;
  }

  /** Returns the body of the part that {@link #nextPart()} moved to. */
  InputStream partBody() {
    return currentBody;
  }

  private void skipToDelimiter() throws IOException {
    PartBody preamble = new PartBody();
    preamble.transferTo(OutputStream.nullOutputStream());
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (!ensure(1)) {
        throw malformed("the body ends inside part headers");
      }
      byte b = buffer[start++];
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      line.append((char) (b & 0xff));
    }
  }

  /** Fills the buffer up to {@code count} unread bytes; returns false at the end of input. */
  private boolean ensure(int count) throws IOException {
    while (end - start < count) {
      if (sourceExhausted) {
        return false;
      }
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        sourceExhausted = true;
      } else {
        end += read;
      }
    }
    return true;
  }

  private int indexOfDelimiter() {
    int last = end - delimiter.length;
    outer:
    for (int i = start; i <= last; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static IOException malformed(String detail) {
    return new IOException("Malformed multipart body: " + detail);
  }

  /** Reads up to the next delimiter and then consumes the delimiter itself. */
  private final class PartBody extends InputStream {
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] single = new byte[1];
      int read = read(single, 0, 1);
      return read < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      boolean full = ensure(delimiter.length);
      int found = indexOfDelimiter();
      if (found == start) {
        start += delimiter.length;
        ended = true;
        return -1;
      }
      int available;
      if (found > start) {
        available = found - start;
      } else if (full) {
        // Bytes that cannot begin a delimiter are safe to return, and there is at least one.
        available = end - start - (delimiter.length - 1);
      } else {
        throw malformed("the closing boundary is missing");
      }
      int count = Math.min(length, available);
      System.arraycopy(buffer, start, target, offset, count);
      start += count;
      return count;
    }
  }
}
