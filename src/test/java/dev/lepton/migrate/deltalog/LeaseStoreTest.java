package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.TargetConflictException;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.TestClock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases in the state folder on the local file system, with a clock the tests move. */
class LeaseStoreTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @TempDir java.nio.file.Path dir;
  private TestClock clock;
  private LeaseStore store;

  @BeforeEach
  void openStore() {
    clock = new TestClock(Instant.parse("2026-01-10T02:00:00Z"));
    store = new LeaseStore(DeltaTables.localFs(), Location.parse(dir.toString(), "state"), clock);
  }

  @Test
  void secondRunIsRejectedNamingTheHolder() {
    store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES);

    assertThatThrownBy(() -> store.acquire("table-events", "table 'events'", "run-2", FIVE_MINUTES))
        .isInstanceOf(TargetConflictException.class)
        .hasMessageContaining("Cannot sync table 'events': it is locked by run run-1 on host ")
        .hasMessageContaining("acquired 2026-01-10T02:00:00Z, expires 2026-01-10T02:05:00Z")
        .hasMessageContaining("migration.sync.lease-duration");
  }

  @Test
  void leaseFileRecordsHolder() throws Exception {
    store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES);

    String json = Files.readString(dir.resolve("locks/table-events/lease-0000000001.json"));
    assertThat(json).contains("\"run_id\" : \"run-1\"")
        .contains("\"owner\" : \"" + System.getProperty("user.name") + "\"")
        .contains("\"host\" : ")
        .contains("\"acquired\" : \"2026-01-10T02:00:00Z\"")
        .contains("\"expires\" : \"2026-01-10T02:05:00Z\"");
  }

  @Test
  void expiredLeaseIsTakenOver() {
    store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES);
    clock.advance(Duration.ofMinutes(6));

    Lease lease = store.acquire("table-events", "table 'events'", "run-2", FIVE_MINUTES);

    assertThat(lease.holder().generation()).isEqualTo(2);
    assertThat(lease.takenOver()).hasValueSatisfying(previous -> assertThat(previous.runId()).isEqualTo("run-1"));
    assertThat(dir.resolve("locks/table-events/lease-0000000001.json")).doesNotExist();
  }

  @Test
  void releasedLeaseIsTakenWithoutTakeover() {
    store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES).close();

    Lease lease = store.acquire("table-events", "table 'events'", "run-2", FIVE_MINUTES);

    assertThat(lease.takenOver()).isEmpty();
    assertThat(store.liveRunIds()).containsExactly("run-2");
  }

  @Test
  void renewalKeepsLeaseAlive() {
    Lease lease = store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES);
    clock.advance(Duration.ofMinutes(4));
    lease.renew();
    clock.advance(Duration.ofMinutes(4));

    lease.requireHeld();
    assertThatThrownBy(() -> store.acquire("table-events", "table 'events'", "run-2", FIVE_MINUTES))
        .isInstanceOf(TargetConflictException.class)
        .hasMessageContaining("expires 2026-01-10T02:09:00Z");
  }

  @Test
  void expiredLeaseStopsItsHolder() {
    Lease lease = store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES);
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(lease::requireHeld)
        .isInstanceOf(TargetConflictException.class)
        .hasMessage("Cannot continue the sync of table 'events': its lease expired at 2026-01-10T02:05:00Z without"
            + " renewal, so another run may write it. Raise migration.sync.lease-duration if renewals are delayed.");
  }

  @Test
  void takenOverLeaseIsLost() {
    Lease first = store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES);
    clock.advance(Duration.ofMinutes(6));
    store.acquire("table-events", "table 'events'", "run-2", FIVE_MINUTES);

    first.renew();

    assertThatThrownBy(first::requireHeld)
        .isInstanceOf(TargetConflictException.class)
        .hasMessageContaining("its lease was taken over by run run-2");
  }

  @Test
  void exactlyOneConcurrentRunGetsTheLease() throws Exception {
    int runs = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < runs; i++) {
        String runId = "run-" + i;
        results.add(pool.submit(() -> {
          start.await();
          try {
            store.acquire("table-events", "table 'events'", runId, FIVE_MINUTES);
            return true;
          } catch (TargetConflictException e) {
            return false;
          }
        }));
      }
      start.countDown();
      long winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }

      assertThat(winners).isEqualTo(1);
      assertThat(store.liveRunIds()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unreadableLeaseFailsClosed() throws Exception {
    Files.createDirectories(dir.resolve("locks/table-events"));
    Files.writeString(dir.resolve("locks/table-events/lease-0000000003.json"), "{not json");

    assertThatThrownBy(() -> store.acquire("table-events", "table 'events'", "run-1", FIVE_MINUTES))
        .isInstanceOf(TargetConflictException.class)
        .hasMessageContaining("Cannot take the lease on table 'events': lease file")
        .hasMessageContaining("lease-0000000003.json is unreadable");
  }
}
