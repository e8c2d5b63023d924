package dev.lepton.migrate.copy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Computes a checksum over the bytes read through it and reports them as progress, for uploads
 * where the store's client pulls the bytes instead of the copier pushing them.
 */
final class ChecksummingInputStream extends FilterInputStream {
  private static final long PROGRESS_STEP = 8L << 20;

  private final ChecksumAlgorithm.Digest digest;
  private final ProgressSink progress;
  private long bytesRead;
  private long unreported;

  ChecksummingInputStream(InputStream in, ChecksumAlgorithm.Digest digest, ProgressSink progress) {
    super(in);
    this.digest = digest;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int value = in.read();
    if (value >= 0) {
      digest.update(new byte[] {(byte) value}, 0, 1);
      count(1);
    }
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = in.read(buffer, offset, length);
    if (read > 0) {
      digest.update(buffer, offset, read);
      count(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("Cannot skip bytes of a stream whose checksum is being computed");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long bytesRead() {
    return bytesRead;
  }

  /** Reports the bytes not yet passed to the progress sink. */
  void flushProgress() {
    progress.addBytes(unreported);
    unreported = 0;
  }

  private void count(int read) {
    bytesRead += read;
    unreported += read;
    if (unreported >= PROGRESS_STEP) {
      flushProgress();
    }
  }
}
