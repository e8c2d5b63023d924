package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The batch endpoint: a {@code multipart/mixed} body whose parts are whole HTTP requests ({@code
 * application/http}). The response has one {@code multipart/mixed} part per request, in order. The
 * connector batches deletes and copies this way.
 */
final class GcsBatch {
  /** The service accepts at most 100 calls in one batch. */
  static final int MAX_CALLS = 100;

  private final GcsRouter router;

  GcsBatch(GcsRouter router) {
    this.router = router;
  }

  void serve(GcsRequest request, GcsResponse response) throws IOException {
    String boundary = MultipartReader.boundaryOf(request.header("Content-Type"));
    if (boundary == null) {
      throw GcsApiException.invalid("A batch needs a multipart/mixed body with a boundary");
    }
    MultipartReader reader = new MultipartReader(request.body(), boundary);
    String answerBoundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    int calls = 0;
    for (Headers partHeaders = reader.nextPart(); partHeaders != null; partHeaders = reader.nextPart()) {
      if (++calls > MAX_CALLS) {
        throw GcsApiException.invalid("A batch may contain at most " + MAX_CALLS + " calls");
      }
      GcsRequest call = parseCall(reader.partBody());
      BufferedResponse callResponse = new BufferedResponse();
      router.dispatch(call, callResponse, false);
      writePart(answer, answerBoundary, partHeaders.getFirst("Content-ID"), callResponse);
    }
    answer.write(("--" + answerBoundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    response.send(200, "multipart/mixed; boundary=" + answerBoundary, answer.toByteArray());
  }

  /** Parses an embedded request: {@code METHOD URL [HTTP/1.1]}, headers, a blank line, a body. */
  private static GcsRequest parseCall(InputStream part) throws IOException {
    byte[] bytes = part.readAllBytes();
    int headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    int bodyStart = headerEnd < 0 ? bytes.length : headerEnd + 4;
    String head = new String(bytes, 0, headerEnd < 0 ? bytes.length : headerEnd, StandardCharsets.UTF_8);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].trim().split(" ");
    if (requestLine.length < 2) {
      throw GcsApiException.invalid("Invalid request line in batch: " + lines[0]);
    }
    URI uri;
    try {
      uri = new URI(requestLine[1]);
    } catch (URISyntaxException e) {
      throw GcsApiException.invalid("Invalid URL in batch: " + requestLine[1]);
    }
    Headers headers = new Headers();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    InputStream body = new ByteArrayInputStream(bytes, bodyStart, bytes.length - bodyStart);
    return new GcsRequest(requestLine[0], uri.getRawPath(), uri.getRawQuery(), headers, body);
  }

  private static void writePart(
      ByteArrayOutputStream answer, String boundary, String contentId, BufferedResponse callResponse)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\n");
    head.append("Content-Type: application/http\r\n");
    if (contentId != null) {
      head.append("Content-ID: <response-").append(stripBrackets(contentId)).append(">\r\n");
    }
    head.append("\r\n");
    head.append("HTTP/1.1 ").append(callResponse.status()).append(' ')
        .append(reasonPhrase(callResponse.status())).append("\r\n");
    byte[] body = callResponse.body();
    for (Map.Entry<String, String> header : callResponse.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    answer.write(head.toString().getBytes(StandardCharsets.UTF_8));
    answer.write(body);
    answer.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String stripBrackets(String contentId) {
    return contentId.startsWith("<") && contentId.endsWith(">")
        ? contentId.substring(1, contentId.length() - 1)
        : contentId;
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 412 -> "Precondition Failed";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
