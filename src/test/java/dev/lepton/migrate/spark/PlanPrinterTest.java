package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {
  private static PlannedFile file(String path, FileAction action) {
    return new PlannedFile(new FileEntry(path, 2048, 0, null), action, "new file", null, -1);
  }

  @Test
  void countsOfOneAreSingular() {
    PlanTotals totals = new PlanTotals().add(file("a.csv", FileAction.COPY)).addExtraTargetFile();

    String printed = PlanPrinter.describe(totals);

    assertThat(printed).startsWith("Plan: 1 source file (2.0 KiB)\n");
    assertThat(printed).containsPattern("to copy +1 file +2\\.0 KiB");
    assertThat(printed).containsPattern("unchanged +0 files +0 B");
    assertThat(printed).contains("1 target file without a source file is left alone");
  }

  @Test
  void otherCountsArePlural() {
    PlanTotals totals = new PlanTotals().add(file("a.csv", FileAction.COPY)).add(file("b.csv", FileAction.COPY))
        .addExtraTargetFile().addExtraTargetFile();

    String printed = PlanPrinter.describe(totals);

    assertThat(printed).startsWith("Plan: 2 source files (4.0 KiB)\n");
    assertThat(printed).containsPattern("to copy +2 files +4\\.0 KiB");
    assertThat(printed).contains("2 target files without a source file are left alone");
  }
}
