package dev.lepton.migrate.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback test double of the few S3 calls a conditional write makes: put, and a multipart upload
 * (initiate, upload part, complete, abort), with path-style URLs. It stores objects in memory,
 * honours {@code If-None-Match: *} by returning 412 when the key exists, and records every request.
 * It is not S3: it checks no signature and serves no listing or read.
 */
public final class FakeS3Server implements AutoCloseable {
  /** One request as received. */
  public record Request(String method, String path, String query, String ifNoneMatch) {}

  private final HttpServer server;
  private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
  private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  public FakeS3Server() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public byte[] object(String bucket, String key) {
    return objects.get(bucket + "/" + key);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath().substring(1);
    String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    requests.add(new Request(method, "/" + path, query, ifNoneMatch));
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> params = parse(query);
    if (method.equals("PUT") && params.isEmpty()) {
      if ("*".equals(ifNoneMatch) && objects.containsKey(path)) {
        preconditionFailed(exchange);
        return;
      }
      objects.put(path, body);
      exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
      send(exchange, 200, "");
    } else if (method.equals("POST") && params.containsKey("uploads")) {
      String id = "upload-" + uploads.size();
      uploads.put(id, new TreeMap<>());
      String[] bucketAndKey = path.split("/", 2);
      send(exchange, 200, "<InitiateMultipartUploadResult><Bucket>" + bucketAndKey[0] + "</Bucket><Key>"
          + bucketAndKey[1] + "</Key><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>");
    } else if (method.equals("PUT") && params.containsKey("partNumber")) {
      uploads.get(params.get("uploadId")).put(Integer.parseInt(params.get("partNumber")), body);
      exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
      send(exchange, 200, "");
    } else if (method.equals("POST") && params.containsKey("uploadId")) {
      if ("*".equals(ifNoneMatch) && objects.containsKey(path)) {
        preconditionFailed(exchange);
        return;
      }
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      for (byte[] part : uploads.remove(params.get("uploadId")).values()) {
        whole.writeBytes(part);
      }
      objects.put(path, whole.toByteArray());
      String[] bucketAndKey = path.split("/", 2);
      send(exchange, 200, "<CompleteMultipartUploadResult><Location>" + endpoint() + "/" + path
          + "</Location><Bucket>" + bucketAndKey[0] + "</Bucket><Key>" + bucketAndKey[1]
          + "</Key><ETag>\"whole-2\"</ETag></CompleteMultipartUploadResult>");
    } else if (method.equals("DELETE") && params.containsKey("uploadId")) {
      uploads.remove(params.get("uploadId"));
      send(exchange, 204, "");
    } else {
      send(exchange, 501, "<Error><Code>NotImplemented</Code><Message>not in the test double</Message></Error>");
    }
  }

  private static void preconditionFailed(HttpExchange exchange) throws IOException {
    send(exchange, 412, "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions"
        + " you specified did not hold</Message><Condition>If-None-Match</Condition></Error>");
  }

  private static void send(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    if (!xml.isEmpty()) {
      exchange.getResponseHeaders().add("Content-Type", "application/xml");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> params = new TreeMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      params.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
    }
    return params;
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
