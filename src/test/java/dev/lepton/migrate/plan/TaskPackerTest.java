package dev.lepton.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaskPackerTest {
  private static PlannedFile file(String name, long size) {
    return new PlannedFile(new FileEntry(name, size, 0, null), FileAction.COPY, "new file", null, -1);
  }

  @Test
  void largeFilesGetTasksOfTheirOwn() {
    TaskPacker packer = new TaskPacker(100, 0);
    List<List<PlannedFile>> groups = packer.pack(List.of(file("big", 500), file("a", 10), file("b", 20)));
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0)).extracting(PlannedFile::relativePath).containsExactly("big");
    assertThat(groups.get(1)).extracting(PlannedFile::relativePath).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void groupsOfSmallFilesHaveBalancedWeight() {
    Random random = new Random(7);
    List<PlannedFile> files = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 5000; i++) {
      long size = 1 + random.nextInt(1_000_000);
      total += size;
      files.add(file("f" + i, size));
    }
    long target = TaskPacker.targetWeight(256L << 20, total, 8);
    TaskPacker packer = new TaskPacker(target, 0);
    List<List<PlannedFile>> groups = packer.pack(files);

    assertThat(groups.size()).isGreaterThanOrEqualTo(8);
    long max = groups.stream().mapToLong(g -> g.stream().mapToLong(f -> f.source().size()).sum()).max().orElseThrow();
    long min = groups.stream().mapToLong(g -> g.stream().mapToLong(f -> f.source().size()).sum()).min().orElseThrow();
    assertThat((double) max / min).isLessThan(1.05);
    assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(5000);
  }

  @Test
  void perFileCostSpreadsManyTinyFiles() {
    List<PlannedFile> files = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      files.add(file("tiny" + i, 0));
    }
    TaskPacker packer = new TaskPacker(100 * 1024, 1024);
    assertThat(packer.pack(files)).hasSize(10).allSatisfy(g -> assertThat(g).hasSize(100));
  }

  @Test
  void targetWeightLeavesAtLeastTwoTasksPerCore() {
    assertThat(TaskPacker.targetWeight(256L << 20, 1L << 30, 4)).isEqualTo(256L << 20);
    assertThat(TaskPacker.targetWeight(256L << 20, 100L << 20, 8)).isEqualTo((100L << 20) / 8);
    assertThat(TaskPacker.targetWeight(256L << 20, 0, 8)).isEqualTo(1);
  }

  @Test
  void rejectsNonPositiveTarget() {
    assertThatThrownBy(() -> new TaskPacker(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
