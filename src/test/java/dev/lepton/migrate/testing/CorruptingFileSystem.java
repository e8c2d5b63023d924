package dev.lepton.migrate.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * Local files under the scheme {@code corrupt://}, where the next N writes into a copy's staging
 * folder flip the first byte they write, as a faulty disk or network would. Register it with
 * {@code fs.corrupt.impl}; the count is shared by the JVM, so tests set it before each run.
 */
public class CorruptingFileSystem extends RawLocalFileSystem {
  private static final AtomicInteger CORRUPT_WRITES = new AtomicInteger();

  /** Corrupts the next {@code count} staged writes; {@code Integer.MAX_VALUE} corrupts them all. */
  public static void corruptNextWrites(int count) {
    CORRUPT_WRITES.set(count);
  }

  @Override
  public URI getUri() {
    return URI.create("corrupt:///");
  }

  @Override
  public String getScheme() {
    return "corrupt";
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    return maybeCorrupt(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  // RawLocalFileSystem answers the create overload without permission itself, so both are wrapped.
  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    return maybeCorrupt(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  private static FSDataOutputStream maybeCorrupt(Path f, FSDataOutputStream out) throws IOException {
    boolean staged = f.toUri().getPath().contains("/_lepton_staging/");
    if (staged && CORRUPT_WRITES.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
      return new FSDataOutputStream(new FirstByteFlipper(out), null);
    }
    return out;
  }

  private static final class FirstByteFlipper extends OutputStream {
    private final OutputStream out;
    private boolean flipped;

    FirstByteFlipper(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(flipped ? b : b ^ 0x01);
      flipped = true;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      if (!flipped && length > 0) {
        write(buffer[offset]);
        out.write(buffer, offset + 1, length - 1);
        return;
      }
      out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
