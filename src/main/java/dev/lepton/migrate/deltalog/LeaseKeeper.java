package dev.lepton.migrate.deltalog;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews the leases a run holds, every third of their duration, on one background thread, so a
 * lease outlives two failed renewals in a row before it expires.
 */
public final class LeaseKeeper implements AutoCloseable {
  private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;

  public LeaseKeeper(Duration leaseDuration) {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "lepton-lease-renewal");
      thread.setDaemon(true);
      return thread;
    });
    long every = Math.max(1, leaseDuration.toMillis() / 3);
    timer.scheduleAtFixedRate(this::renewAll, every, every, TimeUnit.MILLISECONDS);
  }

  /** Renews {@code lease} from now on until {@link #drop} or {@link #close}. */
  public void keep(Lease lease) {
    leases.add(lease);
  }

  public void drop(Lease lease) {
    leases.remove(lease);
  }

  private void renewAll() {
    leases.forEach(Lease::renew);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
