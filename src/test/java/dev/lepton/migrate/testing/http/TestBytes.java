package dev.lepton.migrate.testing.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Deterministic test content, written and read back through a Hadoop FileSystem in blocks, so
 * large files are compared by SHA-256 without holding them in memory.
 */
public final class TestBytes {
  private static final int BLOCK_BYTES = 64 * 1024;

  private TestBytes() {}

  /** Returns the byte at {@code position} of the content for {@code seed}. */
  public static byte byteAt(long position, long seed) {
    long mixed = (position + seed * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
    return (byte) (mixed >>> 29);
  }

  public static byte[] generate(int size, long seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = byteAt(i, seed);
    }
    return bytes;
  }

  /** Writes {@code size} bytes of the content for {@code seed}; returns their SHA-256. */
  public static byte[] write(FileSystem fs, Path file, long size, long seed) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] block = new byte[BLOCK_BYTES];
    try (OutputStream out = fs.create(file, true)) {
      for (long offset = 0; offset < size; offset += block.length) {
        int length = (int) Math.min(block.length, size - offset);
        for (int i = 0; i < length; i++) {
          block[i] = byteAt(offset + i, seed);
        }
        out.write(block, 0, length);
        sha256.update(block, 0, length);
      }
    }
    return sha256.digest();
  }

  /** Reads a whole file in blocks and returns its SHA-256. */
  public static byte[] sha256(FileSystem fs, Path file) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] block = new byte[BLOCK_BYTES];
    try (InputStream in = fs.open(file)) {
      int read;
      while ((read = in.read(block)) > 0) {
        sha256.update(block, 0, read);
      }
    }
    return sha256.digest();
  }

  public static void writeBytes(FileSystem fs, Path file, byte[] content) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(content);
    }
  }

  public static void writeText(FileSystem fs, Path file, String text) throws IOException {
    writeBytes(fs, file, text.getBytes(StandardCharsets.UTF_8));
  }

  public static String readText(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
