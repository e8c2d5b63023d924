package dev.lepton.migrate.deltalog;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Decoder for Z85, the Base85 variant of ZeroMQ's RFC 32 that Delta uses to write deletion vector
 * UUIDs and inline bitmaps: every 5 characters encode 4 bytes, big-endian.
 */
final class Z85 {
  private static final String ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = i;
    }
  }

  private Z85() {}

  /** Decodes {@code text}, whose length must be a multiple of 5. */
  static byte[] decode(String text) {
    if (text.length() % 5 != 0) {
      throw new IllegalArgumentException(
          "Z85 text must have a length divisible by 5, but '" + text + "' has " + text.length());
    }
    ByteBuffer out = ByteBuffer.allocate(text.length() / 5 * 4);
    for (int start = 0; start < text.length(); start += 5) {
      long value = 0;
      for (int i = start; i < start + 5; i++) {
        char c = text.charAt(i);
        int digit = c < VALUES.length ? VALUES[c] : -1;
        if (digit < 0) {
          throw new IllegalArgumentException("Invalid Z85 character '" + c + "' in '" + text + "'");
        }
        value = value * 85 + digit;
      }
      if (value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("Z85 group out of range in '" + text + "'");
      }
      out.putInt((int) value);
    }
    return out.array();
  }

  /** Decodes the 20-character form of a UUID: its 16 bytes, most significant first. */
  static UUID decodeUuid(String text) {
    if (text.length() != 20) {
      throw new IllegalArgumentException("A Z85 UUID has 20 characters, but '" + text + "' has "
          + text.length());
    }
    ByteBuffer bytes = ByteBuffer.wrap(decode(text));
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
