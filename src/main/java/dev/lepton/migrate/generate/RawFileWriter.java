package dev.lepton.migrate.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one raw file through a Hadoop output stream, in chunks of at most {@link #BUFFER_BYTES},
 * so memory use does not grow with the file size.
 */
final class RawFileWriter {
  static final int BUFFER_BYTES = 64 * 1024;

  private RawFileWriter() {}

  /**
   * Resolves a relative path name by name, so each name stays literal: {@code new Path(parent,
   * child)} does not read {@code #} as a URI fragment or {@code %20} as an escape.
   */
  static Path resolve(Path root, RawFileSpec spec) {
    Path path = root;
    for (String name : spec.names()) {
      path = new Path(path, name);
    }
    return path;
  }

  /** Writes the file, replacing any file of that name, and returns the bytes written. */
  static long write(FileSystem fs, Path root, RawFileSpec spec) throws IOException {
    try (FSDataOutputStream out = fs.create(resolve(root, spec), true, BUFFER_BYTES)) {
      if (spec.plannedBytes() == 0) {
        return 0;
      }
      return switch (spec.kind()) {
        case BINARY -> writeBinary(out, spec);
        case CSV -> writeCsv(out, spec);
        case JSON_LINES -> writeJsonLines(out, spec);
      };
    }
  }

  private static long writeBinary(OutputStream out, RawFileSpec spec) throws IOException {
    SplittableRandom random = new SplittableRandom(spec.contentSeed());
    byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, spec.plannedBytes())];
    long remaining = spec.plannedBytes();
    while (remaining > 0) {
      int length = (int) Math.min(buffer.length, remaining);
      fillRandom(random, buffer, length);
      out.write(buffer, 0, length);
      remaining -= length;
    }
    return spec.plannedBytes();
  }

  /** Fills bytes from whole longs, so the content depends only on the seed's sequence of longs. */
  private static void fillRandom(SplittableRandom random, byte[] buffer, int length) {
    for (int i = 0; i < length; ) {
      long bits = random.nextLong();
      for (int shift = 0; shift < Long.SIZE && i < length; shift += Byte.SIZE) {
        buffer[i++] = (byte) (bits >>> shift);
      }
    }
  }

  private static long writeCsv(OutputStream out, RawFileSpec spec) throws IOException {
    TextRecords records = new TextRecords(spec.contentSeed());
    out.write(TextRecords.CSV_HEADER);
    long written = TextRecords.CSV_HEADER.length;
    return written + writeLines(out, spec.plannedBytes() - written, records::nextCsvLine);
  }

  private static long writeJsonLines(OutputStream out, RawFileSpec spec) throws IOException {
    TextRecords records = new TextRecords(spec.contentSeed());
    return writeLines(out, spec.plannedBytes(), records::nextJsonLine);
  }

  /**
   * Writes one line, then more whole lines while they fit in {@code budget} bytes, and returns the
   * bytes written.
   */
  private static long writeLines(OutputStream out, long budget, LineSource lines)
      throws IOException {
    long written = 0;
    byte[] line = lines.next();
    do {
      out.write(line);
      written += line.length;
      line = lines.next();
    } while (written + line.length <= budget);
    return written;
  }

  private interface LineSource {
    byte[] next();
  }
}
