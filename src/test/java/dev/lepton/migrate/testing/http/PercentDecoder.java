package dev.lepton.migrate.testing.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Percent-decoding of URL path segments and query strings. An invalid {@code %} sequence raises
 * the exception that {@code invalidEncoding} builds from the message, so each server responds with
 * its own service's error.
 */
public final class PercentDecoder {
  private final Function<String, ? extends RuntimeException> invalidEncoding;

  public PercentDecoder(Function<String, ? extends RuntimeException> invalidEncoding) {
    this.invalidEncoding = invalidEncoding;
  }

  /**
   * Decodes {@code %XX} UTF-8 sequences of one path segment. A {@code +} stays a plus sign, so a
   * name comes back exactly as the client encoded it.
   */
  public String decodePathSegment(String segment) {
    return decode(segment, false);
  }

  /**
   * Parses a query string, where {@code +} means a space as in form encoding. A null or empty
   * query gives an empty map, and a parameter without {@code =} gets an empty value.
   */
  public Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
      params.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
    }
    return params;
  }

  private String decode(String text, boolean plusIsSpace) {
    if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    // Working on the UTF-8 bytes keeps characters outside the escapes whole, and only ASCII hex
    // digits count after a percent sign.
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if (b == '%' && i + 2 < utf8.length) {
        int high = Character.digit(utf8[i + 1], 16);
        int low = Character.digit(utf8[i + 2], 16);
        if (high < 0 || low < 0) {
          throw invalidEncoding.apply("Invalid percent-encoding in: " + text);
        }
        bytes.write((high << 4) | low);
        i += 2;
      } else if (b == '%') {
        throw invalidEncoding.apply("Invalid percent-encoding in: " + text);
      } else if (b == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
