package dev.lepton.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefixListerTest {
  @TempDir Path dir;

  private PrefixLister lister() {
    Location root = Location.parse(dir.toString(), "test");
    return new PrefixLister(Stores.fileSystem(root, new Configuration()), root,
        new PathFilter(List.of(), List.of(), List.of()));
  }

  private static List<String> paths(Iterator<FileEntry> entries) {
    List<String> paths = new ArrayList<>();
    entries.forEachRemaining(e -> paths.add(e.relativePath()));
    paths.sort(null);
    return paths;
  }

  @Test
  void crowdedFolderGoesToTask() throws IOException {
    Random random = new Random(1);
    for (int i = 0; i < 30; i++) {
      Trees.write(dir.resolve(String.format("flat-%02d.txt", i)), 3, random);
    }
    Trees.write(dir.resolve("a/one.txt"), 3, random);
    Trees.write(dir.resolve("b/two.txt"), 3, random);

    PrefixLister.Seeds seeds = lister().discover(16, 1, 10);

    assertThat(seeds.files()).as("files kept on the driver").isEmpty();
    assertThat(seeds.crowdedFolders()).containsExactly("");
    assertThat(seeds.prefixes()).containsExactlyInAnyOrder("a", "b");
    assertThat(paths(lister().listShallow(""))).hasSize(30).allMatch(p -> p.startsWith("flat-"));
  }

  @Test
  void smallFolderStaysOnDriver() throws IOException {
    Random random = new Random(2);
    for (int i = 0; i < 5; i++) {
      Trees.write(dir.resolve("top-" + i + ".txt"), 3, random);
    }
    Trees.write(dir.resolve("a/one.txt"), 3, random);

    PrefixLister.Seeds seeds = lister().discover(16, 1, 10);

    assertThat(seeds.files()).hasSize(5);
    assertThat(seeds.crowdedFolders()).isEmpty();
    assertThat(seeds.prefixes()).containsExactly("a");
    assertThat(paths(lister().listRecursively("a"))).containsExactly("a/one.txt");
  }

  @Test
  void localPrefixListsEveryNestedFile() throws IOException {
    Random random = new Random(3);
    List<String> written = List.of("a/one.txt", "a/b/two.txt", "a/b/c/d/three.txt", "a/e/four.txt", "a/z.txt");
    for (String file : written) {
      Trees.write(dir.resolve(file), 3, random);
    }
    java.nio.file.Files.createDirectories(dir.resolve("a/empty/deeper"));
    Trees.write(dir.resolve("outside.txt"), 3, random);
    Location root = Location.parse(dir.toString(), "test");
    PrefixLister skipping = new PrefixLister(Stores.fileSystem(root, new Configuration()), root,
        new PathFilter(List.of(), List.of(), List.of("a/e")));

    List<String> listed = paths(lister().listRecursively("a"));

    assertThat(listed).containsExactlyInAnyOrderElementsOf(written);
    assertThat(paths(skipping.listRecursively("a"))).doesNotContain("a/e/four.txt").hasSize(written.size() - 1);
    assertThat(paths(lister().listRecursively("missing"))).isEmpty();
    assertThat(paths(lister().listRecursively("a/empty"))).isEmpty();
  }
}
