package dev.lepton.migrate.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawFilePlanTest {
  private static final long MIB = 1L << 20;

  @Test
  void sameSeedGivesSamePlan() {
    assertThat(RawFilePlan.create(8 * MIB, MIB, 7)).isEqualTo(RawFilePlan.create(8 * MIB, MIB, 7));
  }

  @Test
  void otherSeedGivesOtherSizesAndContent() {
    List<RawFileSpec> first = RawFilePlan.create(8 * MIB, 0, 7);
    List<RawFileSpec> second = RawFilePlan.create(8 * MIB, 0, 8);

    assertThat(sizes(second)).isNotEqualTo(sizes(first));
    assertThat(second.get(0).contentSeed()).isNotEqualTo(first.get(0).contentSeed());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 1000, 3 * MIB, 64 * MIB})
  void plannedBytesAddUpToBudget(long rawBytes) {
    List<RawFileSpec> plan = RawFilePlan.create(rawBytes, 0, 3);

    assertThat(sizes(plan).stream().mapToLong(Long::longValue).sum()).isEqualTo(rawBytes);
  }

  @Test
  void largeFileComesOnTopOfBudget() {
    List<RawFileSpec> plan = RawFilePlan.create(2 * MIB, 10 * MIB, 3);
    RawFileSpec large = plan.get(plan.size() - 1);
    long others = plan.stream().mapToLong(RawFileSpec::plannedBytes).sum() - large.plannedBytes();

    assertThat(large.relativePath()).isEqualTo(RawFilePlan.LARGE_FILE_PATH);
    assertThat(large.plannedBytes()).isEqualTo(10 * MIB);
    assertThat(others).isEqualTo(2 * MIB);
  }

  @Test
  void sizesSpreadFromBytesToMegabytes() {
    List<Long> sizes = sizes(RawFilePlan.create(256 * MIB, 0, 11));

    assertThat(sizes.stream().filter(size -> size > 0 && size < 100)).isNotEmpty();
    assertThat(sizes.stream().filter(size -> size > 4 * MIB)).isNotEmpty();
    assertThat(sizes).allMatch(size -> size <= RawFilePlan.MAX_FILE_BYTES);
  }

  @Test
  void zeroBudgetStillHasEveryAwkwardName() {
    List<String> paths =
        RawFilePlan.create(0, 0, 1).stream().map(RawFileSpec::relativePath).toList();

    assertThat(paths).containsAll(RawFilePlan.EMPTY_FILES).containsAll(RawFilePlan.NAMED_FILES);
  }

  @Test
  void pathsAreUnique() {
    List<String> paths =
        RawFilePlan.create(64 * MIB, MIB, 5).stream().map(RawFileSpec::relativePath).toList();

    assertThat(paths).doesNotHaveDuplicates();
  }

  @Test
  void emptyFilesHaveZeroPlannedBytes() {
    List<RawFileSpec> plan = RawFilePlan.create(MIB, 0, 5);

    assertThat(plan)
        .filteredOn(spec -> RawFilePlan.EMPTY_FILES.contains(spec.relativePath()))
        .hasSize(RawFilePlan.EMPTY_FILES.size())
        .allMatch(spec -> spec.plannedBytes() == 0);
  }

  @Test
  void balancedBatchesHoldEveryFileOnce() {
    List<RawFileSpec> plan = RawFilePlan.create(32 * MIB, 0, 9);
    List<List<RawFileSpec>> batches = RawFilesJob.balance(plan, 4);
    List<Long> batchBytes =
        batches.stream()
            .map(batch -> batch.stream().mapToLong(RawFileSpec::plannedBytes).sum())
            .toList();

    assertThat(batches).hasSize(4);
    assertThat(batches.stream().flatMap(List::stream).toList())
        .containsExactlyInAnyOrderElementsOf(plan);
    assertThat(batchBytes.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isLessThanOrEqualTo(32 * MIB / 4 + RawFilePlan.MAX_FILE_BYTES);
  }

  private static List<Long> sizes(List<RawFileSpec> plan) {
    return plan.stream().map(RawFileSpec::plannedBytes).toList();
  }
}
