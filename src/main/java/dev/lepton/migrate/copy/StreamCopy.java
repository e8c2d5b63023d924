package dev.lepton.migrate.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Moves bytes through one bounded buffer, updating a checksum on the way. */
final class StreamCopy {
  private StreamCopy() {}

  /** Returns the number of bytes read from {@code in}; {@code out} may be null to only checksum. */
  static long transfer(
      InputStream in, OutputStream out, byte[] buffer, ChecksumAlgorithm.Digest digest, ProgressSink progress)
      throws IOException {
    long total = 0;
    long unreported = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      if (read == 0) {
        continue;
      }
      digest.update(buffer, 0, read);
      if (out != null) {
        out.write(buffer, 0, read);
      }
      total += read;
      unreported += read;
      // Report in steps of 8 MiB so the sink is not called per buffer.
      if (unreported >= (8L << 20)) {
        progress.addBytes(unreported);
        unreported = 0;
      }
    }
    progress.addBytes(unreported);
    return total;
  }
}
