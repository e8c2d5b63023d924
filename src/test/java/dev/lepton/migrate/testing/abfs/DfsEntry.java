package dev.lepton.migrate.testing.abfs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.TreeMap;

/**
 * A file or directory of a hierarchical namespace. Mutable, and only touched under the lock of
 * {@link DfsNamespace}. A file's committed bytes are the first {@code length} bytes of {@code
 * blob}. Appended data waits in {@code pending}, keyed by position, until a flush commits it.
 */
final class DfsEntry {
  final boolean directory;
  final Instant created;
  String etag;
  Instant lastModified;
  String properties = "";
  String owner = "$superuser";
  String group = "$superuser";
  String permissions;
  String acl;
  Path blob;
  long length;
  final TreeMap<Long, PendingAppend> pending = new TreeMap<>();
  final Lease lease = new Lease();

  /** Data received by an append and not yet flushed, stored in its own file. */
  record PendingAppend(long position, long length, Path file) {
    long end() {
      return position + length;
    }
  }

  DfsEntry(boolean directory, Instant created, String etag, String permissions) {
    this.directory = directory;
    this.created = created;
    this.lastModified = created;
    this.etag = etag;
    this.permissions = permissions;
  }

  String resourceType() {
    return directory ? "directory" : "file";
  }
}
