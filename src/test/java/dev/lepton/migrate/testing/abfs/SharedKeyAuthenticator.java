package dev.lepton.migrate.testing.abfs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code Authorization: SharedKey ACCOUNT:SIGNATURE} header the way the storage service
 * does: an HMAC-SHA256, keyed with the account key, over the method, the standard headers, the
 * {@code x-ms-*} headers and the resource, as documented for Azure Storage "Authorize with Shared
 * Key" (service version 2015-02-21 and later, where a zero Content-Length signs as empty).
 */
final class SharedKeyAuthenticator {
  /** The service rejects requests whose date is further than this from its clock. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  private static final String[] SIGNED_HEADERS = {
    "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
    "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"
  };

  private final String account;
  private final byte[] key;

  SharedKeyAuthenticator(String account, String base64Key) {
    this.account = account;
    this.key = Base64.getDecoder().decode(base64Key);
  }

  void authenticate(DfsRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      throw new DfsException(401, "NoAuthenticationInformation", "The request has no Authorization header");
    }
    String expectedPrefix = "SharedKey " + account + ":";
    if (!authorization.startsWith(expectedPrefix) || !request.account().equals(account)) {
      throw authenticationFailed("the request is not signed with a key of account " + account);
    }
    checkDate(request);
    byte[] presented = authorization.substring(expectedPrefix.length()).getBytes(StandardCharsets.UTF_8);
    byte[] expected = sign(stringToSign(request)).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(presented, expected)) {
      throw authenticationFailed("the signature does not match");
    }
  }

  String stringToSign(DfsRequest request) {
    StringBuilder text = new StringBuilder(request.httpMethod()).append('\n');
    boolean hasMsDate = request.header("x-ms-date") != null;
    for (String name : SIGNED_HEADERS) {
      String value = request.header(name);
      if (value == null || (name.equals("Content-Length") && value.equals("0"))
          || (name.equals("Date") && hasMsDate)) {
        value = "";
      }
      text.append(value).append('\n');
    }
    canonicalHeaders(request).forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
    text.append('/').append(account).append(request.rawPath());
    Map<String, List<String>> params = new TreeMap<>();
    request.query().forEach(
        (name, values) -> params.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    params.forEach((name, values) -> {
      List<String> sorted = new ArrayList<>(values);
      sorted.sort(null);
      text.append('\n').append(name).append(':').append(String.join(",", sorted));
    });
    return text.toString();
  }

  private static Map<String, String> canonicalHeaders(DfsRequest request) {
    Map<String, String> headers = new TreeMap<>();
    request.headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-ms-")) {
        headers.put(lower, String.join(",", values).trim().replaceAll("\\s+", " "));
      }
    });
    return headers;
  }

  private String sign(String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
    }
  }

  private static void checkDate(DfsRequest request) {
    String date = request.header("x-ms-date");
    if (date == null) {
      date = request.header("Date");
    }
    if (date == null) {
      throw authenticationFailed("the request has neither x-ms-date nor Date");
    }
    Instant sent;
    try {
      sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw authenticationFailed("the request date is not in RFC 1123 form: " + date);
    }
    if (Duration.between(sent, Instant.now()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
      throw authenticationFailed("the request date " + date + " is more than 15 minutes off");
    }
  }

  private static DfsException authenticationFailed(String reason) {
    return new DfsException(403, "AuthenticationFailed", "Shared Key authentication failed: " + reason);
  }
}
