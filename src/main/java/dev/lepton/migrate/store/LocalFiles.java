package dev.lepton.migrate.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSLinkResolver;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Local files for the job: Hadoop's raw local file system, minus the child processes it starts
 * when Hadoop's native library is not loaded. Without it, Hadoop runs {@code chmod} for every file
 * and folder it creates and {@code readlink} twice for every rename; a sync that writes a few
 * dozen small files spent a good part of its time starting those processes. Here both go through
 * {@code java.nio.file} instead. With the native library loaded, Hadoop's own calls are used.
 */
public final class LocalFiles {
  // Keyed by the cached checksummed file system, so each lives as long as Hadoop's cache keeps it.
  private static final Map<FileSystem, RawLocalFileSystem> RAW = new WeakHashMap<>();

  private LocalFiles() {}

  /** Returns the raw file system that goes with a cached local file system. */
  static synchronized RawLocalFileSystem rawFor(LocalFileSystem checksummed) throws IOException {
    RawLocalFileSystem raw = RAW.get(checksummed);
    if (raw == null) {
      raw = open(checksummed.getConf());
      RAW.put(checksummed, raw);
    }
    return raw;
  }

  /** Returns a new raw local file system; the caller closes it. */
  static RawLocalFileSystem open(Configuration conf) throws IOException {
    RawLocalFileSystem raw = new WithoutProcesses();
    raw.initialize(FsConstants.LOCAL_FS_URI, conf);
    return raw;
  }

  /** The raw local file system with permissions and link checks through {@code java.nio.file}. */
  public static final class WithoutProcesses extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable()) {
        super.setPermission(path, permission);
        return;
      }
      java.nio.file.Path file = pathToFile(path).toPath();
      try {
        Files.setPosixFilePermissions(file, posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(path, permission);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + path + " does not exist");
      }
    }

    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
      if (NativeIO.isAvailable()) {
        return super.getFileLinkStatus(path);
      }
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(pathToFile(path).toPath(), BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + path + " does not exist");
      }
      if (!attributes.isSymbolicLink()) {
        return getFileStatus(path);
      }
      // Hadoop's fallback runs readlink on the path with its scheme, so it never finds a link.
      Path qualified = makeQualified(path);
      Path target = new Path(Files.readSymbolicLink(pathToFile(path).toPath()).toString());
      return new FileStatus(attributes.size(), false, 1, getDefaultBlockSize(path),
          attributes.lastModifiedTime().toMillis(), attributes.lastAccessTime().toMillis(), null, null, null,
          FSLinkResolver.qualifySymlinkTarget(getUri(), qualified, target), qualified);
    }

    static Set<PosixFilePermission> posix(FsPermission permission) {
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);
      add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE);
      add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);
      return set;
    }

    private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
        PosixFilePermission write, PosixFilePermission execute) {
      if (action.implies(FsAction.READ)) {
        set.add(read);
      }
      if (action.implies(FsAction.WRITE)) {
        set.add(write);
      }
      if (action.implies(FsAction.EXECUTE)) {
        set.add(execute);
      }
    }
  }

  /**
   * The {@code FileContext} binding of {@link WithoutProcesses}, for atomic renames that must not
   * replace an existing file. Like Hadoop's own binding of the raw local file system, it leaves name
   * checks to the operating system, so names with ':' work.
   */
  public static final class Context extends DelegateToFileSystem {
    public Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new WithoutProcesses(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public FsServerDefaults getServerDefaults(Path path) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }
}
