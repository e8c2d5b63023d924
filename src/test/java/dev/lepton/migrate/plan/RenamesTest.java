package dev.lepton.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamesTest {
  private final Renames renames = new Renames(Map.of(
      "logs/10:15.txt", "logs/10_15.txt",
      "odd:folder", "odd_folder",
      "odd:folder/inner:deep", "inner_deep",
      "/slashes/", "/trimmed/"));

  @Test
  void renamesExactFile() {
    assertThat(renames.targetPathOf("logs/10:15.txt")).isEqualTo("logs/10_15.txt");
    assertThat(renames.targetPathOf("logs/10:15.txt.bak")).isEqualTo("logs/10:15.txt.bak");
  }

  @Test
  void renamesEverythingBelowFolder() {
    assertThat(renames.targetPathOf("odd:folder/a.txt")).isEqualTo("odd_folder/a.txt");
    assertThat(renames.targetPathOf("odd:folder2/a.txt")).isEqualTo("odd:folder2/a.txt");
  }

  @Test
  void longestKeyWins() {
    assertThat(renames.targetPathOf("odd:folder/inner:deep/a.txt")).isEqualTo("inner_deep/a.txt");
  }

  @Test
  void trimsSlashesOfKeysAndValues() {
    assertThat(renames.targetPathOf("slashes/a.txt")).isEqualTo("trimmed/a.txt");
  }

  @Test
  void entryKeepsItsSourcePath() {
    FileEntry renamed = renames.apply(new FileEntry("odd:folder/a.txt", 3, 1, null));

    assertThat(renamed.relativePath()).isEqualTo("odd_folder/a.txt");
    assertThat(renamed.sourcePath()).isEqualTo("odd:folder/a.txt");
    assertThat(renames.apply(new FileEntry("plain.txt", 3, 1, null)).renamedFrom()).isNull();
  }
}
