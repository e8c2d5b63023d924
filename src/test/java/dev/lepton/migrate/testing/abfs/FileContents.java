package dev.lepton.migrate.testing.abfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Appends, flushes and reads of file bodies. An append stores data at a position without making
 * it visible. A flush to position P commits the appended data between the file's length and P,
 * which must be contiguous. Appends may arrive in any order, because the driver uploads blocks in
 * parallel and flushes once.
 */
final class FileContents {
  private final DfsNamespace namespace;

  /** A file opened for reading: the state it had when opened and a channel on its body. */
  record OpenedFile(String etag, Instant lastModified, long length, FileChannel channel) {}

  FileContents(DfsNamespace namespace) {
    this.namespace = namespace;
  }

  /**
   * Registers data already written to {@code data} as an append at {@code position}. A repeated
   * append at the same position, as after a retry, replaces the earlier one.
   */
  void append(String filesystem, String path, long position, Path data, long length, String leaseId) {
    synchronized (namespace) {
      DfsEntry entry;
      try {
        entry = requireFile(filesystem, path);
        DfsNamespace.checkWriteLease(path, entry, leaseId, DfsNamespace.now());
        if (position < entry.length) {
          // NOTE: the service's error code for an append below the flushed length is a guess.
          throw new DfsException(
              400, "InvalidAppendPosition",
              "Cannot append at " + position + " to /" + path + ": " + entry.length + " bytes are already flushed");
        }
      } catch (RuntimeException e) {
        DfsNamespace.deleteQuietly(data);
        throw e;
      }
      DfsEntry.PendingAppend replaced =
          entry.pending.put(position, new DfsEntry.PendingAppend(position, length, data));
      if (replaced != null) {
        DfsNamespace.deleteQuietly(replaced.file());
      }
    }
  }

  /**
   * Commits the appended data up to {@code position}. Data appended beyond it is dropped unless
   * {@code retainUncommittedData} is set. Returns the file's new etag.
   */
  String flush(String filesystem, String path, long position, boolean retainUncommittedData, String leaseId) {
    synchronized (namespace) {
      DfsEntry entry = requireFile(filesystem, path);
      Instant now = DfsNamespace.now();
      DfsNamespace.checkWriteLease(path, entry, leaseId, now);
      if (position < entry.length) {
        throw invalidFlushPosition(path, position, entry.length + " bytes are already flushed");
      }
      long cursor = entry.length;
      while (cursor < position) {
        DfsEntry.PendingAppend append = entry.pending.get(cursor);
        if (append == null || append.end() > position) {
          throw invalidFlushPosition(path, position, "the appended data is not contiguous at byte " + cursor);
        }
        cursor = append.end();
      }
      commitPending(entry, position);
      if (!retainUncommittedData) {
        entry.pending.values().forEach(append -> DfsNamespace.deleteQuietly(append.file()));
        entry.pending.clear();
      }
      entry.length = position;
      entry.etag = namespace.newEtag();
      entry.lastModified = now;
      return entry.etag;
    }
  }

  OpenedFile open(String filesystem, String path, String ifMatch) throws IOException {
    synchronized (namespace) {
      DfsEntry entry = requireFile(filesystem, path);
      if (ifMatch != null && !ifMatch.equals("*") && !Etags.matches(ifMatch, entry.etag)) {
        throw DfsException.conditionNotMet("If-Match " + ifMatch + " on /" + path + ", etag " + entry.etag);
      }
      FileChannel channel = FileChannel.open(entry.blob, StandardOpenOption.READ);
      return new OpenedFile(entry.etag, entry.lastModified, entry.length, channel);
    }
  }

  private DfsEntry requireFile(String filesystem, String path) {
    DfsEntry entry = namespace.require(filesystem, path);
    if (entry.directory) {
      // NOTE: the status and code the service sends for file operations on a directory are a guess.
      throw new DfsException(409, "ResourceTypeMismatch", "The path is a directory: /" + path);
    }
    return entry;
  }

  /** Appends the pending files from the flushed length up to {@code position} to the body. */
  private static void commitPending(DfsEntry entry, long position) {
    try (FileChannel body = FileChannel.open(entry.blob, StandardOpenOption.WRITE)) {
      // Bytes past the flushed length can remain from an earlier flush that failed midway.
      body.truncate(entry.length);
      long offset = entry.length;
      Iterator<Map.Entry<Long, DfsEntry.PendingAppend>> pending =
          entry.pending.tailMap(entry.length, true).entrySet().iterator();
      while (pending.hasNext() && offset < position) {
        DfsEntry.PendingAppend append = pending.next().getValue();
        try (FileChannel data = FileChannel.open(append.file(), StandardOpenOption.READ)) {
          long copied = 0;
          while (copied < append.length()) {
            copied += data.transferTo(copied, append.length() - copied, body.position(offset + copied));
          }
        }
        offset += append.length();
        pending.remove();
        DfsNamespace.deleteQuietly(append.file());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit appended data to " + entry.blob, e);
    }
  }

  private static DfsException invalidFlushPosition(String path, long position, String reason) {
    return new DfsException(
        400, "InvalidFlushPosition", "Cannot flush /" + path + " to position " + position + ": " + reason);
  }
}
