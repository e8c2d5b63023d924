package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** The tree of awkward names that every store gets, less the names a store cannot hold. */
final class ContractTrees {
  /** Names beyond {@link Trees#AWKWARD_NAMES}: characters with meaning in URIs and file systems. */
  static final List<String> EXTRA_NAMES = List.of(
      "question?mark.txt",
      "colon:in:name.txt",
      "trailing dot.",
      // The same word in Unicode NFC (one code point for é) and NFD (e and a combining accent):
      // two different names that must stay two files.
      "caf\u00e9 nfc.txt",
      "cafe\u0301 nfc.txt",
      "a".repeat(200) + ".bin");

  static final List<String> FOLDERS = List.of("", "nested/level two/level=3", "p%25x+y=z#w/ünï", "q?d/h#sh");

  private ContractTrees() {}

  /** Writes the tree below {@code root}; returns the relative paths written, sorted. */
  static List<String> write(Path root, Predicate<String> holds) throws IOException {
    Random random = new Random(17);
    List<String> written = new ArrayList<>();
    List<String> names = new ArrayList<>(Trees.AWKWARD_NAMES);
    names.addAll(EXTRA_NAMES);
    names.add("zero bytes.dat");
    for (String folder : FOLDERS) {
      for (String name : names) {
        String relative = folder.isEmpty() ? name : folder + "/" + name;
        if (!holds.test(relative)) {
          continue;
        }
        long size = name.startsWith("zero") ? 0 : 1 + random.nextInt(50_000);
        Trees.write(root.resolve(relative), size, random);
        written.add(relative);
      }
    }
    written.sort(null);
    return written;
  }
}
