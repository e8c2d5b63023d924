package dev.lepton.migrate.testing.abfs;

import java.time.Instant;

/**
 * The lease state of one path, as the blob service defines it: a lease lasts 15 to 60 seconds or
 * forever, and a broken one stays broken until it is acquired again or released. Expiry and the
 * end of a break period take effect when the state is next read.
 */
final class Lease {
  /** Lease states; {@code BREAKING} still blocks writers until its break period ends. */
  enum State {
    AVAILABLE,
    LEASED,
    EXPIRED,
    BREAKING,
    BROKEN
  }

  /** Seconds of a lease without expiry, as {@code x-ms-lease-duration} spells it. */
  static final long INFINITE = -1;

  private String id;
  private long durationSeconds;
  private Instant expiresAt;
  private Instant breakEndsAt;
  private boolean broken;

  State state(Instant now) {
    if (id == null) {
      return State.AVAILABLE;
    }
    if (broken) {
      return State.BROKEN;
    }
    if (breakEndsAt != null) {
      return now.isBefore(breakEndsAt) ? State.BREAKING : State.BROKEN;
    }
    return expiresAt != null && !now.isBefore(expiresAt) ? State.EXPIRED : State.LEASED;
  }

  String id() {
    return id;
  }

  boolean isInfinite() {
    return id != null && durationSeconds == INFINITE;
  }

  /** Returns whether the lease blocks writers that do not present its id. */
  boolean blocksWriters(Instant now) {
    State state = state(now);
    return state == State.LEASED || state == State.BREAKING;
  }

  void acquire(String leaseId, long seconds, Instant now) {
    id = leaseId;
    durationSeconds = seconds;
    breakEndsAt = null;
    broken = false;
    renew(now);
  }

  /** Restarts the lease's duration from {@code now}. */
  void renew(Instant now) {
    expiresAt = durationSeconds == INFINITE ? null : now.plusSeconds(durationSeconds);
  }

  void changeId(String newId) {
    id = newId;
  }

  void release() {
    id = null;
    expiresAt = null;
    breakEndsAt = null;
    broken = false;
  }

  /**
   * Starts a break of at most {@code periodSeconds}, or of the lease's remaining time when it is
   * null. Returns the seconds until the lease is broken.
   */
  long breakLease(Instant now, Long periodSeconds) {
    State state = state(now);
    if (state == State.BREAKING) {
      return Math.max(0, breakEndsAt.getEpochSecond() - now.getEpochSecond());
    }
    if (state == State.BROKEN) {
      return 0;
    }
    long period;
    if (expiresAt == null) {
      period = periodSeconds == null ? 0 : periodSeconds;
    } else {
      long remaining = Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
      period = periodSeconds == null ? remaining : Math.min(periodSeconds, remaining);
    }
    if (state == State.EXPIRED || period == 0) {
      broken = true;
      return 0;
    }
    breakEndsAt = now.plusSeconds(period);
    return period;
  }
}
