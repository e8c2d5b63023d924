package dev.lepton.migrate.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lepton.migrate.config.SizeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SizingTest {
  private static final long TIB = 1L << 40;
  private static final long MIB = 1L << 20;
  /** 50 ms per file and 100 MiB/s per stream. */
  private static final ThroughputModel MODEL =
      new ThroughputModel(1000, 64 * MIB * 1000, 50, 100.0 * MIB / 1000, 0.98, false, List.of("run-1"));
  private static final InstanceType SMALL_NIC = new InstanceType("small-nic", 16, 64, 10);
  private static final InstanceType BIG = new InstanceType("big", 64, 256, 100);
  private static final InstanceType FEW_CORES = new InstanceType("few-cores", 8, 32, 25);
  private static final SizeSettings SETTINGS = new SizeSettings(30, 0.8, 1, 1, 0.5, List.of(SMALL_NIC, BIG, FEW_CORES));

  /**
   * 10 TiB in 1,000,000 files within 2 h, worked by hand.
   *
   * <pre>
   * stream time   = 1,000,000 x 0.05 s + 10 x 2^40 B / (100 x 2^20 B/s) = 50,000 + 104,857.6 = 154,857.6 s
   * copy time     = 7,200 s x 0.8 utilisation = 5,760 s
   * slots needed  = ceil(154,857.6 / 5,760) = ceil(26.885) = 27
   * inbound bytes = 2 reads x 10 x 2^40 = 21,990,232,555,520 B
   *
   * small-nic: 16 vCPUs - 1 reserved = 15 slots/node; 10 Gbit/s x 0.5 = 625,000,000 B/s
   *   by slots   = ceil(27 / 15) = 2
   *   by network = ceil(21,990,232,555,520 / (5,760 x 625,000,000)) = ceil(6.108) = 7   -> 7 nodes, network
   *   expected   = max(154,857.6 / 105, 21,990,232,555,520 / (7 x 625,000,000)) / 0.8
   *              = max(1,474.8, 5,026.3) / 0.8 = 6,282.9 s
   * big: 63 slots/node; 100 Gbit/s x 0.5 = 6,250,000,000 B/s
   *   by slots   = ceil(27 / 63 = 0.429) = 1
   *   by network = ceil(0.611) = 1                   -> 1 node, network (0.611 > 0.429)
   *   expected   = max(154,857.6 / 63, 21,990,232,555,520 / 6,250,000,000) / 0.8
   *              = max(2,458.1, 3,518.4) / 0.8 = 4,398.0 s
   * few-cores: 7 slots/node; 25 Gbit/s x 0.5 = 1,562,500,000 B/s
   *   by slots   = ceil(27 / 7 = 3.857) = 4
   *   by network = ceil(2.443) = 3                   -> 4 nodes, copy slots
   *   expected   = max(154,857.6 / 28, 21,990,232,555,520 / 6,250,000,000) / 0.8
   *              = max(5,530.6, 3,518.4) / 0.8 = 6,913.3 s
   * </pre>
   */
  @Test
  void plansWorkedExample() {
    Workload workload = new Workload(10 * TIB, 1_000_000, Duration.ofHours(2));

    Sizing.Plan plan = Sizing.plan(MODEL, workload, SETTINGS, 2);

    assertThat(plan.streamSeconds()).isCloseTo(154_857.6, within(1e-6));
    assertThat(plan.slotsNeeded()).isEqualTo(27);
    assertThat(plan.inboundBytes()).isEqualTo(21_990_232_555_520.0);
    assertThat(plan.requiredBytesPerSecond()).isCloseTo(10.0 * TIB / 7200, within(1e-3));

    Recommendation small = plan.recommendations().get(0);
    assertThat(small.slotsPerNode()).isEqualTo(15);
    assertThat(small.nodesBySlots()).isEqualTo(2);
    assertThat(small.nodesByNetwork()).isEqualTo(7);
    assertThat(small.nodes()).isEqualTo(7);
    assertThat(small.totalSlots()).isEqualTo(105);
    assertThat(small.bound()).isEqualTo(Recommendation.Bound.NETWORK);
    assertThat(small.expectedSeconds()).isCloseTo(6_282.9, within(0.1));

    Recommendation big = plan.recommendations().get(1);
    assertThat(big.nodesBySlots()).isEqualTo(1);
    assertThat(big.nodesByNetwork()).isEqualTo(1);
    assertThat(big.nodes()).isEqualTo(1);
    assertThat(big.bound()).isEqualTo(Recommendation.Bound.NETWORK);
    assertThat(big.expectedSeconds()).isCloseTo(4_398.0, within(0.1));

    Recommendation fewCores = plan.recommendations().get(2);
    assertThat(fewCores.slotsPerNode()).isEqualTo(7);
    assertThat(fewCores.nodesBySlots()).isEqualTo(4);
    assertThat(fewCores.nodesByNetwork()).isEqualTo(3);
    assertThat(fewCores.nodes()).isEqualTo(4);
    assertThat(fewCores.bound()).isEqualTo(Recommendation.Bound.SLOTS);
    assertThat(fewCores.expectedSeconds()).isCloseTo(6_913.3, within(0.1));
    assertThat(plan.recommendations()).allSatisfy(r -> assertThat(r.expectedSeconds()).isLessThanOrEqualTo(7200));
  }

  @Test
  void singleReadHalvesNetworkNodes() {
    Workload workload = new Workload(10 * TIB, 1_000_000, Duration.ofHours(2));

    Sizing.Plan plan = Sizing.plan(MODEL, workload, SETTINGS, 1);

    // 10 x 2^40 / (5,760 x 625,000,000) = 3.054, so 4 nodes rather than 7.
    assertThat(plan.recommendations().get(0).nodesByNetwork()).isEqualTo(4);
  }

  @Test
  void fileCountCapsUsefulSlots() {
    // Two files of 1 TiB each: 2 x (0.05 + 10,485.76) s of streams, so ceil(20,971.62 / 2,880) = 8 slots for
    // 1 h at 0.8, but only 2 files to spread over them.
    Workload workload = new Workload(2 * TIB, 2, Duration.ofHours(1));
    SizeSettings settings = new SizeSettings(30, 0.8, 1, 1, 1.0, List.of(BIG));

    Sizing.Plan plan = Sizing.plan(MODEL, workload, settings, 1);

    assertThat(plan.slotsNeeded()).isEqualTo(8);
    Recommendation big = plan.recommendations().get(0);
    assertThat(big.nodes()).isEqualTo(1);
    assertThat(big.expectedSeconds()).isCloseTo(10_485.81 / 0.8, within(0.1));
    assertThat(SampleWarnings.of(plan, Map.of()))
        .anySatisfy(w -> assertThat(w).contains("needs 8 copy slots but the workload has only 2 files"));
  }

  @Test
  void warnsAboutUnreliableSample() {
    Workload workload = new Workload(10 * TIB, 10_000, Duration.ofHours(8));
    ThroughputModel tiny = new ThroughputModel(40, 40 * MIB, 5, 100.0 * MIB / 1000, 0.3, true, List.of("run-1"));
    Sizing.Plan plan = Sizing.plan(tiny, workload, SETTINGS, 2);

    List<String> warnings = SampleWarnings.of(plan, Map.of("run-1", OptionalLong.of(12), "run-2", OptionalLong.empty()));

    assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("The store throttled 12 requests in run run-1"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("Cannot tell whether the store throttled run run-2:"));
    // 10 TiB / 10,000 = 1,099,511,627.8 B, which is 1,048.6 times 1 MiB.
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("mean file size (1.0 MiB) is 1049x below the"
        + " workload's (1.0 GiB)"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("copied only 40.0 MiB"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("R² 0.30"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("overhead was set to 0"));
  }

  @Test
  void noWarningsForMatchingSample() {
    Workload workload = new Workload(10 * TIB, 200_000, Duration.ofHours(8));

    Sizing.Plan plan = Sizing.plan(MODEL, workload, SETTINGS, 2);

    assertThat(SampleWarnings.of(plan, Map.of("run-1", OptionalLong.of(0)))).isEmpty();
  }

  @Test
  void notesFilesLeftOutOfFit() {
    ManifestSample.Sample none = new ManifestSample.Sample(new ThroughputFit(), Map.of(), 0, 0, java.util.Set.of());
    ManifestSample.Sample retried = new ManifestSample.Sample(new ThroughputFit(), Map.of(), 2, 0, java.util.Set.of());
    ManifestSample.Sample both = new ManifestSample.Sample(new ThroughputFit(), Map.of(), 1, 3, java.util.Set.of());

    assertThat(SampleWarnings.leftOut(none)).isEmpty();
    assertThat(SampleWarnings.leftOut(retried)).contains("2 copied files were left out of the fit: 2 needed more"
        + " than one attempt, so their times include backoff waits.");
    assertThat(SampleWarnings.leftOut(both)).hasValueSatisfying(note -> assertThat(note)
        .startsWith("4 copied files were left out of the fit: 1 needed more than one attempt")
        .endsWith(", and 3 took under 1 ms, the resolution of the manifest's times."));
  }

  @Test
  void groupsRunsOfUnknownThrottling() {
    Workload workload = new Workload(10 * TIB, 200_000, Duration.ofHours(8));
    Sizing.Plan plan = Sizing.plan(MODEL, workload, SETTINGS, 2);
    Map<String, OptionalLong> throttled = new java.util.LinkedHashMap<>();
    for (int i = 1; i <= 7; i++) {
      throttled.put("sync-" + i, OptionalLong.empty());
    }

    List<String> warnings = SampleWarnings.of(plan, throttled);

    assertThat(warnings).containsExactly("Cannot tell whether the store throttled runs sync-1, sync-2, sync-3,"
        + " sync-4, sync-5 and 2 more: the report in the state folder is missing or does not count throttled"
        + " requests, as for runs of sync.");
  }
}
