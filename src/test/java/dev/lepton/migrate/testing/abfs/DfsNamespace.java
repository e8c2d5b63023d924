package dev.lepton.migrate.testing.abfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The filesystems of one account with a hierarchical namespace: directories are entries of their
 * own, creating a path creates its missing parents, and renaming a directory moves its subtree at
 * once. Metadata is in memory, and file bodies are files under {@code root/blobs}. Every method that
 * reads or changes the tree holds this object's lock, as do {@link FileContents} and {@link
 * TreeChanges}.
 */
final class DfsNamespace {
  private final Path blobDir;
  private final Map<String, Filesystem> filesystems = new LinkedHashMap<>();
  private final AtomicLong etagCounter = new AtomicLong(System.currentTimeMillis() * 1000);

  /** One filesystem (container): its properties and entries keyed by path, the root being "". */
  static final class Filesystem {
    final String name;
    final Instant created;
    final String etag;
    String properties = "";
    final NavigableMap<String, DfsEntry> entries = new TreeMap<>();

    Filesystem(String name, Instant created, String etag) {
      this.name = name;
      this.created = created;
      this.etag = etag;
    }
  }

  /** Options of a path create, read from its headers. */
  record CreateOptions(
      boolean directory,
      String ifMatch,
      String ifNoneMatch,
      String properties,
      String permissions,
      String umask,
      String leaseId) {}

  DfsNamespace(Path root) throws IOException {
    this.blobDir = Files.createDirectories(root.resolve("blobs"));
  }

  Path newBlobPath() {
    return blobDir.resolve(UUID.randomUUID().toString());
  }

  String newEtag() {
    return String.format("0x8D%013X", etagCounter.incrementAndGet());
  }

  /** Returns the current time at the service's precision for {@code Last-Modified}: seconds. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  synchronized Filesystem createFilesystem(String name, String properties) {
    if (filesystems.containsKey(name)) {
      throw new DfsException(409, "FilesystemAlreadyExists", "The filesystem already exists: " + name);
    }
    Filesystem filesystem = new Filesystem(name, now(), newEtag());
    filesystem.properties = properties == null ? "" : properties;
    DfsEntry root = new DfsEntry(true, filesystem.created, filesystem.etag, Permissions.DEFAULT_DIRECTORY);
    filesystem.entries.put("", root);
    filesystems.put(name, filesystem);
    return filesystem;
  }

  synchronized Filesystem filesystem(String name) {
    Filesystem filesystem = filesystems.get(name);
    if (filesystem == null) {
      throw DfsException.filesystemNotFound(name);
    }
    return filesystem;
  }

  synchronized void deleteFilesystem(String name) {
    Filesystem filesystem = filesystem(name);
    filesystems.remove(name);
    filesystem.entries.values().forEach(this::discardData);
  }

  synchronized void setFilesystemProperties(String name, String properties) {
    filesystem(name).properties = properties == null ? "" : properties;
  }

  /** Returns the entry at a path, or null; the filesystem must exist. */
  synchronized DfsEntry lookup(String filesystem, String path) {
    return filesystem(filesystem).entries.get(path);
  }

  synchronized DfsEntry require(String filesystem, String path) {
    DfsEntry entry = lookup(filesystem, path);
    if (entry == null) {
      throw DfsException.pathNotFound(path);
    }
    return entry;
  }

  /**
   * Creates a file or directory with its missing parents. A file that exists is replaced by an
   * empty one unless {@code If-None-Match: *} forbids it. A directory that exists is kept as it is.
   */
  synchronized DfsEntry create(String filesystem, String path, CreateOptions options) {
    Filesystem fs = filesystem(filesystem);
    DfsEntry existing = fs.entries.get(path);
    checkConditions(path, existing, options.ifMatch(), options.ifNoneMatch());
    if (existing != null && existing.directory != options.directory()) {
      throw new DfsException(
          409, "PathConflict", "The path exists as a " + existing.resourceType() + ": /" + path);
    }

    Instant now = now();
    String permissions = Permissions.effective(options.permissions(), options.umask(), options.directory());
    if (existing != null && existing.directory) {
      if (options.properties() != null) {
        existing.properties = options.properties();
      }
      return existing;
    }

    createParents(fs, path, now);
    if (existing != null) {
      checkWriteLease(path, existing, options.leaseId(), now);
      discardData(existing);
      existing.blob = emptyBlob();
      existing.length = 0;
      existing.etag = newEtag();
      existing.lastModified = now;
      existing.properties = options.properties() == null ? "" : options.properties();
      existing.permissions = permissions;
      return existing;
    }

    DfsEntry created = new DfsEntry(options.directory(), now, newEtag(), permissions);
    if (options.properties() != null) {
      created.properties = options.properties();
    }
    if (!options.directory()) {
      created.blob = emptyBlob();
    }
    fs.entries.put(path, created);
    touchParent(fs, path, now);
    return created;
  }

  synchronized void setProperties(String filesystem, String path, String properties, String leaseId) {
    DfsEntry entry = require(filesystem, path);
    if (!entry.directory) {
      checkWriteLease(path, entry, leaseId, now());
    }
    entry.properties = properties == null ? "" : properties;
    entry.etag = newEtag();
    entry.lastModified = now();
  }

  synchronized void setAccessControl(
      String filesystem, String path, String owner, String group, String permissions, String acl) {
    DfsEntry entry = require(filesystem, path);
    if (owner != null) {
      entry.owner = owner;
    }
    if (group != null) {
      entry.group = group;
    }
    if (permissions != null) {
      entry.permissions = Permissions.effective(permissions, null, entry.directory);
    }
    if (acl != null) {
      entry.acl = acl;
    }
  }

  /** Checks {@code If-Match} and {@code If-None-Match} against the entry, or null when absent. */
  static void checkConditions(String path, DfsEntry existing, String ifMatch, String ifNoneMatch) {
    if (ifNoneMatch != null) {
      if (ifNoneMatch.equals("*") && existing != null) {
        throw DfsException.pathAlreadyExists(path);
      }
      if (existing != null && Etags.matches(ifNoneMatch, existing.etag)) {
        throw DfsException.conditionNotMet("If-None-Match " + ifNoneMatch + " on /" + path);
      }
    }
    if (ifMatch != null) {
      if (existing == null) {
        throw DfsException.conditionNotMet("If-Match " + ifMatch + " on /" + path + ", which does not exist");
      }
      if (!ifMatch.equals("*") && !Etags.matches(ifMatch, existing.etag)) {
        throw DfsException.conditionNotMet("If-Match " + ifMatch + " on /" + path + ", etag " + existing.etag);
      }
    }
  }

  /**
   * Rejects a write to a file under an active lease without its id, or with an id that no active
   * lease has, with the blob service's 412 error codes.
   */
  static void checkWriteLease(String path, DfsEntry entry, String leaseId, Instant now) {
    Lease lease = entry.lease;
    if (lease.blocksWriters(now)) {
      if (leaseId == null) {
        throw new DfsException(
            412, "LeaseIdMissing", "The file /" + path + " has an active lease and the request has no lease id");
      }
      if (!leaseId.equals(lease.id())) {
        throw new DfsException(
            412, "LeaseIdMismatchWithBlobOperation", "The lease id does not match the active lease of /" + path);
      }
      return;
    }
    if (leaseId != null) {
      boolean lapsed = lease.state(now) == Lease.State.EXPIRED || lease.state(now) == Lease.State.BROKEN;
      if (lapsed && leaseId.equals(lease.id())) {
        throw new DfsException(412, "LeaseLost", "The lease of /" + path + " has expired or was broken");
      }
      throw new DfsException(
          412, "LeaseNotPresentWithBlobOperation", "The file /" + path + " has no active lease");
    }
  }

  private void createParents(Filesystem fs, String path, Instant now) {
    int slash = path.indexOf('/');
    while (slash > 0) {
      String parent = path.substring(0, slash);
      DfsEntry entry = fs.entries.get(parent);
      if (entry == null) {
        fs.entries.put(parent, new DfsEntry(true, now, newEtag(), Permissions.DEFAULT_DIRECTORY));
      } else if (!entry.directory) {
        throw new DfsException(409, "PathConflict", "A parent of /" + path + " is a file: /" + parent);
      }
      slash = path.indexOf('/', slash + 1);
    }
  }

  /** Marks the parent directory of {@code path} as modified now. */
  void touchParent(Filesystem fs, String path, Instant now) {
    DfsEntry parent = fs.entries.get(parentOf(path));
    if (parent != null) {
      parent.lastModified = now;
    }
  }

  static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private Path emptyBlob() {
    Path blob = newBlobPath();
    try {
      Files.createFile(blob);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + blob, e);
    }
    return blob;
  }

  /** Deletes a file's body and its pending appends; directories have neither. */
  void discardData(DfsEntry entry) {
    if (entry.blob != null) {
      deleteQuietly(entry.blob);
    }
    entry.pending.values().forEach(append -> deleteQuietly(append.file()));
    entry.pending.clear();
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }
}
