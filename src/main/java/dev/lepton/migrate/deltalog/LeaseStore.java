package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.TargetConflictException;
import dev.lepton.migrate.store.CreateIfAbsent;
import dev.lepton.migrate.store.Location;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases in {@code STATE/locks}: one folder per resource, holding numbered lease files
 * {@code lease-NNNNNNNNNN.json}. The highest number is the current lease. A run takes a resource
 * by creating the next number with the store's create-if-absent write, so of two runs that race
 * for it exactly one succeeds. A run takes over an expired lease the same way, with a warning.
 *
 * <p>Expiry compares the holder's recorded time with the reader's clock, so clocks that disagree
 * by more than a small part of the lease duration weaken the guarantee.
 */
public final class LeaseStore {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseStore.class);
  private static final Pattern LEASE_FILE = Pattern.compile("lease-(\\d{10})\\.json");

  private final FileSystem fs;
  private final Location locks;
  private final Clock clock;

  public LeaseStore(FileSystem fs, Location stateDir, Clock clock) {
    this.fs = fs;
    this.locks = stateDir.child("locks");
    this.clock = clock;
  }

  /** Returns the lease folder name of a table: {@code table-} and the URL-encoded relative path. */
  public static String tableResource(String table) {
    return "table-" + URLEncoder.encode(table, StandardCharsets.UTF_8);
  }

  /**
   * Takes the lease on {@code resource} for {@code duration}.
   *
   * @param description what the resource is, for messages, such as {@code table 'sales'}
   * @throws TargetConflictException when another run holds an unexpired lease, naming it
   */
  public Lease acquire(String resource, String description, String runId, Duration duration) {
    Path folder = locks.child(resource).path();
    Optional<LeaseHolder> newest = newest(folder, description);
    Instant now = clock.instant();
    long generation = 1;
    if (newest.isPresent()) {
      LeaseHolder previous = newest.get();
      if (previous.blocks(now)) {
        throw held(description, previous);
      }
      if (!previous.released()) {
        LOG.warn("Taking over the expired lease on {} of {}", description, previous.describe());
      }
      generation = previous.generation() + 1;
    }
    LeaseHolder holder = new LeaseHolder(description, owner(), host(), runId, now, now.plus(duration),
        generation, false);
    Path file = fileOf(folder, generation);
    try {
      CreateIfAbsent.writeBytes(fs, file, holder.toJson(), folder);
    } catch (FileAlreadyExistsException e) {
      LeaseHolder winner = read(file, description).orElse(holder);
      throw held(description, winner);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write lease " + file + ": " + e.getMessage(), e);
    }
    removeOlderThan(folder, generation);
    Optional<LeaseHolder> expired = newest.filter(previous -> !previous.released());
    return new Lease(this, folder, holder, duration, expired);
  }

  /** Returns the run ids that hold an unexpired lease on any resource. */
  public List<String> liveRunIds() {
    List<String> runs = new ArrayList<>();
    FileStatus[] folders;
    try {
      folders = fs.listStatus(locks.path());
    } catch (FileNotFoundException e) {
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list leases in " + locks + ": " + e.getMessage(), e);
    }
    Instant now = clock.instant();
    for (FileStatus folder : folders) {
      if (folder.isDirectory()) {
        newest(folder.getPath(), folder.getPath().getName())
            .filter(holder -> holder.blocks(now))
            .ifPresent(holder -> runs.add(holder.runId()));
      }
    }
    return runs;
  }

  Instant now() {
    return clock.instant();
  }

  FileSystem fileSystem() {
    return fs;
  }

  /** Returns the current lease in {@code folder}, the one with the highest number. */
  Optional<LeaseHolder> newest(Path folder, String description) {
    long highest = 0;
    try {
      for (FileStatus status : fs.listStatus(folder)) {
        Matcher m = LEASE_FILE.matcher(status.getPath().getName());
        if (status.isFile() && m.matches()) {
          highest = Math.max(highest, Long.parseLong(m.group(1)));
        }
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list leases in " + folder + ": " + e.getMessage(), e);
    }
    return highest == 0 ? Optional.empty() : read(fileOf(folder, highest), description);
  }

  private Optional<LeaseHolder> read(Path file, String description) {
    try (InputStream in = fs.open(file)) {
      return Optional.of(LeaseHolder.fromJson(Json.MAPPER.readTree(in)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // Fail closed: a lease that cannot be read may belong to a live run.
      throw new TargetConflictException("Cannot take the lease on " + description + ": lease file " + file
          + " is unreadable (" + e.getMessage() + "). Check that no run holds it, then delete the file.", e);
    }
  }

  static Path fileOf(Path folder, long generation) {
    return new Path(folder, String.format("lease-%010d.json", generation));
  }

  private void removeOlderThan(Path folder, long generation) {
    try {
      for (FileStatus status : fs.listStatus(folder)) {
        Matcher m = LEASE_FILE.matcher(status.getPath().getName());
        if (m.matches() && Long.parseLong(m.group(1)) < generation) {
          fs.delete(status.getPath(), false);
        }
      }
    } catch (IOException e) {
      LOG.debug("Cannot remove old leases in {}: {}", folder, e.getMessage());
    }
  }

  private static TargetConflictException held(String description, LeaseHolder holder) {
    return new TargetConflictException("Cannot sync " + description + ": it is locked by " + holder.describe()
        + ". Wait for that run to end, or, if it died, for its lease to expire"
        + " (migration.sync.lease-duration).");
  }

  private static String owner() {
    return System.getProperty("user.name", "unknown");
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
