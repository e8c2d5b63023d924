package dev.lepton.migrate.testing.gcs;

import dev.lepton.migrate.testing.http.PercentDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Percent-encoding as the JSON API uses it for object names in paths and query values. */
final class UrlCodec {
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private static final PercentDecoder DECODER = new PercentDecoder(GcsApiException::invalid);

  private UrlCodec() {}

  /**
   * Decodes one path segment: {@code %XX} sequences are UTF-8 bytes and {@code +} stays a plus
   * sign, so an object name comes back exactly as the client encoded it.
   */
  static String decodePathSegment(String segment) {
    return DECODER.decodePathSegment(segment);
  }

  /** Parses a query string; in query values {@code +} means a space, as in form encoding. */
  static Map<String, List<String>> parseQuery(String rawQuery) {
    return DECODER.parseQuery(rawQuery);
  }

  /** Encodes every character but the unreserved ones, {@code /} included. */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
