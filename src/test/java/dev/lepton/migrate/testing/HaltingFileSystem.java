package dev.lepton.migrate.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system, except that the JVM halts, as under {@code kill -9}, when the N-th file
 * is created in a copy's staging folder. N comes from {@code lepton.test.halt-after-staged-files}.
 * Used as {@code fs.file.impl} in a child JVM to kill a copy half way.
 */
public class HaltingFileSystem extends LocalFileSystem {
  public static final String HALT_AFTER = "lepton.test.halt-after-staged-files";
  private static final AtomicInteger STAGED = new AtomicInteger();

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    if (f.toUri().getPath().contains("/_lepton_staging/")) {
      int limit = getConf().getInt(HALT_AFTER, Integer.MAX_VALUE);
      if (STAGED.incrementAndGet() >= limit) {
        Runtime.getRuntime().halt(137);
      }
    }
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }
}
