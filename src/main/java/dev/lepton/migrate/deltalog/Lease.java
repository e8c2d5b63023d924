package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.TargetConflictException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this run holds. {@link #renew} extends it while the run works; {@link #requireHeld}
 * stops the run before a write when the lease expired or another run took it over.
 */
public final class Lease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

  private final LeaseStore store;
  private final Path folder;
  private final Duration duration;
  private final Optional<LeaseHolder> takenOver;
  private LeaseHolder holder;
  private LeaseHolder lostTo;
  private boolean released;

  Lease(LeaseStore store, Path folder, LeaseHolder holder, Duration duration, Optional<LeaseHolder> takenOver) {
    this.store = store;
    this.folder = folder;
    this.holder = holder;
    this.duration = duration;
    this.takenOver = takenOver;
  }

  public synchronized LeaseHolder holder() {
    return holder;
  }

  /** Returns the expired lease this one replaced, if it took one over. */
  public Optional<LeaseHolder> takenOver() {
    return takenOver;
  }

  /**
   * Extends the lease by its duration from now, unless another run has taken it over since. Never
   * throws: a renewal that fails leaves the lease to expire, which {@link #requireHeld} notices.
   */
  public synchronized void renew() {
    if (released || lostTo != null) {
      return;
    }
    try {
      Optional<LeaseHolder> newest = store.newest(folder, holder.resource());
      if (newest.isPresent() && newest.get().generation() != holder.generation()) {
        lostTo = newest.get();
        LOG.warn("Lost the lease on {} to {}", holder.resource(), lostTo.describe());
        return;
      }
      LeaseHolder renewed = holder.withExpires(store.now().plus(duration));
      replace(renewed);
      holder = renewed;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot renew the lease on {}: {}. It expires at {} unless a later renewal succeeds.",
          holder.resource(), e.getMessage(), holder.expires());
    }
  }

  /**
   * Checks that this run still holds the lease.
   *
   * @throws TargetConflictException when the lease expired or another run took it over
   */
  public synchronized void requireHeld() {
    if (lostTo != null) {
      throw new TargetConflictException("Cannot continue the sync of " + holder.resource()
          + ": its lease was taken over by " + lostTo.describe() + ". That run now writes it; this run"
          + " stopped before its next write.");
    }
    Instant now = store.now();
    if (!now.isBefore(holder.expires())) {
      throw new TargetConflictException("Cannot continue the sync of " + holder.resource()
          + ": its lease expired at " + holder.expires() + " without renewal, so another run may write it."
          + " Raise migration.sync.lease-duration if renewals are delayed.");
    }
  }

  /** Gives the lease up, so the next run takes it without waiting or warning. */
  @Override
  public synchronized void close() {
    if (released || lostTo != null) {
      return;
    }
    released = true;
    try {
      Optional<LeaseHolder> newest = store.newest(folder, holder.resource());
      if (newest.isEmpty() || newest.get().generation() == holder.generation()) {
        replace(holder.releasedAt(store.now()));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot release the lease on {}: {}. It expires at {}.", holder.resource(), e.getMessage(),
          holder.expires());
    }
  }

  private void replace(LeaseHolder content) throws IOException {
    StateFiles.replace(store.fileSystem(), LeaseStore.fileOf(folder, content.generation()), content.toJson());
  }
}
