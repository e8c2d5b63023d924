package dev.lepton.migrate.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system, except that the JVM halts, as under {@code kill -9}, when the N-th file
 * is created in a copy's staging folder (N from {@code lepton.test.halt-after-staged-files}), or
 * when the N-th file below a folder is opened for reading (N from
 * {@code lepton.test.halt-after-opened-files}, the folder from {@code lepton.test.halt-opened-under}).
 * Used as {@code fs.file.impl} in a child JVM to kill a copy half way: the second form kills a copy
 * from a local source to an object store, which stages nothing.
 */
public class HaltingFileSystem extends LocalFileSystem {
  public static final String HALT_AFTER = "lepton.test.halt-after-staged-files";
  public static final String HALT_AFTER_OPENED = "lepton.test.halt-after-opened-files";
  public static final String HALT_OPENED_UNDER = "lepton.test.halt-opened-under";
  private static final AtomicInteger STAGED = new AtomicInteger();
  private static final AtomicInteger OPENED = new AtomicInteger();

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    String under = getConf().get(HALT_OPENED_UNDER);
    if (under != null && f.toUri().getPath().startsWith(under + "/")) {
      int limit = getConf().getInt(HALT_AFTER_OPENED, Integer.MAX_VALUE);
      if (OPENED.incrementAndGet() >= limit) {
        Runtime.getRuntime().halt(137);
      }
    }
    return super.open(f, bufferSize);
  }

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
