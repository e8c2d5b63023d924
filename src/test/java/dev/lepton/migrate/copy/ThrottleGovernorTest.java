package dev.lepton.migrate.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleGovernorTest {
  private final AtomicLong throttled = new AtomicLong();

  @Test
  void persistentThrottlingHalvesConcurrencyDownToOne() throws InterruptedException {
    ThrottleGovernor governor = new ThrottleGovernor(8, throttled::get);
    for (int expected : new int[] {4, 2, 1, 1}) {
      governor.acquire();
      throttled.addAndGet(3);
      assertThat(governor.release()).isEqualTo(3);
      assertThat(governor.limit()).isEqualTo(expected);
    }
    assertThat(governor.throttledTotal()).isEqualTo(12);
    assertThat(governor.lowestLimit()).isEqualTo(1);
  }

  @Test
  void calmFilesRaiseTheLimitOneAtATime() throws InterruptedException {
    ThrottleGovernor governor = new ThrottleGovernor(4, throttled::get);
    governor.acquire();
    throttled.incrementAndGet();
    governor.release();
    assertThat(governor.limit()).isEqualTo(2);
    for (int i = 0; i < 8; i++) {
      governor.acquire();
      assertThat(governor.release()).isZero();
    }
    assertThat(governor.limit()).isEqualTo(3);
  }

  @Test
  void acquireBlocksAtTheLimitUntilASlotIsFreed() throws InterruptedException {
    ThrottleGovernor governor = new ThrottleGovernor(1, throttled::get);
    governor.acquire();
    CountDownLatch acquired = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try {
        governor.acquire();
        acquired.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    assertThat(acquired.await(200, TimeUnit.MILLISECONDS)).as("second copy waits").isFalse();
    governor.release();
    assertThat(acquired.await(10, TimeUnit.SECONDS)).as("second copy proceeds").isTrue();
    waiter.join();
  }
}
