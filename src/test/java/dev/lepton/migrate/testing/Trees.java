package dev.lepton.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Builds source trees for copy tests and compares trees byte for byte. */
public final class Trees {
  /** Names with every character class that trips up URI and path handling. */
  public static final List<String> AWKWARD_NAMES = List.of(
      "plain.csv",
      "with space.csv",
      "percent 100%.csv",
      "encoded%20already.txt",
      "plus+sign.json",
      "key=value.txt",
      "hash#tag.bin",
      "café au lait.csv",
      "日本語のファイル.json",
      "emoji 🚀.txt",
      "mixed a b%20c+d=e#f.csv");

  private Trees() {}

  /** Writes a tree of awkward names, nested folders and zero-byte files; returns the relative paths. */
  public static List<String> writeAwkwardTree(Path root, long seed) throws IOException {
    Random random = new Random(seed);
    List<String> written = new ArrayList<>();
    List<String> folders = List.of("", "nested/level two/level=3", "dir with spaces", "p%25x+y=z#w/ünï", "year=2024/month=01");
    for (String folder : folders) {
      for (String name : AWKWARD_NAMES) {
        String relative = folder.isEmpty() ? name : folder + "/" + name;
        write(root.resolve(relative), 1 + random.nextInt(200_000), random);
        written.add(relative);
      }
      String empty = (folder.isEmpty() ? "" : folder + "/") + "zero bytes.dat";
      write(root.resolve(empty), 0, random);
      written.add(empty);
    }
    return written;
  }

  /** Writes {@code size} random bytes through a small buffer. */
  public static void write(Path file, long size, Random random) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = size;
      while (left > 0) {
        random.nextBytes(buffer);
        int n = (int) Math.min(buffer.length, left);
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  /** Lists regular files below a root as sorted relative paths, leaving out the given top folders. */
  public static List<String> files(Path root, String... skippedTopFolders) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> Stream.of(skippedTopFolders).noneMatch(s -> p.startsWith(s + "/")))
          .sorted()
          .toList();
    }
  }

  /**
   * Asserts that the target contains every source file with identical bytes. The hidden
   * {@code .NAME.crc} files that Hadoop's local file system writes beside files are not copied, so
   * they are left out of the comparison.
   */
  public static void assertSameFiles(Path source, Path target) throws IOException {
    List<String> sourceFiles = files(source).stream()
        .filter(p -> !(p.substring(p.lastIndexOf('/') + 1).startsWith(".") && p.endsWith(".crc")))
        .toList();
    assertThat(files(target, "_lepton")).containsExactlyElementsOf(sourceFiles);
    for (String relative : sourceFiles) {
      assertThat(Files.mismatch(source.resolve(relative), target.resolve(relative)))
          .as("first differing byte of %s", relative)
          .isEqualTo(-1L);
    }
  }
}
