package dev.lepton.migrate.testing.abfs;

import java.time.Instant;

/** The values of an entry that responses report, copied so they can be sent outside the lock. */
record DfsEntryView(
    boolean directory,
    long length,
    String etag,
    Instant lastModified,
    Instant created,
    String properties,
    String owner,
    String group,
    String permissions,
    String acl,
    Lease.State leaseState,
    boolean infiniteLease) {

  static DfsEntryView of(DfsEntry entry) {
    Instant now = Instant.now();
    return new DfsEntryView(
        entry.directory,
        entry.directory ? 0 : entry.length,
        entry.etag,
        entry.lastModified,
        entry.created,
        entry.properties,
        entry.owner,
        entry.group,
        entry.permissions,
        entry.acl == null ? Permissions.acl(entry.permissions) : entry.acl,
        entry.lease.state(now),
        entry.lease.isInfinite());
  }

  String resourceType() {
    return directory ? "directory" : "file";
  }
}
