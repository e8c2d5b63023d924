package dev.lepton.migrate.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plans the raw sample files for a seed and a byte budget: which paths, which content and which
 * sizes. The same arguments always give the same plan.
 *
 * <p>The plan always contains a fixed set of files whose folder and file names contain spaces, {@code
 * %} (also followed by hex digits, as in {@code %20}), {@code +}, {@code =}, {@code #}, accented
 * letters, CJK characters and emoji, with folders up to four levels deep, and four zero-byte files.
 * Their sizes, and then further files in the same folders, use up the budget. Sizes are spread
 * log-uniformly from 1 byte to an eighth of the budget, capped at {@link #MAX_FILE_BYTES}.
 */
final class RawFilePlan {
  static final long MAX_FILE_BYTES = 16L << 20;
  static final long MIN_LARGEST_FILE_BYTES = 1024;
  static final String LARGE_FILE_PATH = "large/large file 🐘.bin";

  static final List<String> FOLDERS =
      List.of(
          "",
          "csv",
          "json lines",
          "binary files",
          "100% literal %25",
          "c++ and+plus",
          "year=2024/month=01",
          "café/日本語/🚀 launch",
          "deep/level two/level=3/hash #4",
          "a b%20c+d=e#f");

  static final List<String> EMPTY_FILES =
      List.of(
          "empty.csv",
          "json lines/empty file.json",
          "deep/level two/level=3/hash #4/zero=0#none.bin",
          "café/日本語/空 🚀.csv");

  static final List<String> NAMED_FILES =
      List.of(
          "a b%20c+d=e#f.csv",
          "with space.csv",
          "csv/100% done.csv",
          "json lines/key=value.json",
          "json lines/café crème.json",
          "binary files/c++ build.bin",
          "日本語/日本語 データ.json",
          "café/日本語/🚀 launch/rocket 🚀.bin",
          "deep/level two/level=3/hash #4/tag#1.csv",
          "a b%20c+d=e#f/a b%20c+d=e#f.json",
          "year=2024/month=01/part 0 #1.csv",
          "100% literal %25/%41 is not A.bin");

  private static final RawFileKind[] KINDS = RawFileKind.values();

  private RawFilePlan() {}

  /**
   * Plans files of about {@code rawBytes} in all, plus one binary file of exactly {@code
   * largeFileBytes} at {@link #LARGE_FILE_PATH} when that is positive.
   */
  static List<RawFileSpec> create(long rawBytes, long largeFileBytes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<RawFileSpec> files = new ArrayList<>();
    for (String path : EMPTY_FILES) {
      files.add(new RawFileSpec(path, kindOf(path), 0, random.nextLong()));
    }

    long largest = Math.max(MIN_LARGEST_FILE_BYTES, Math.min(MAX_FILE_BYTES, rawBytes / 8));
    long remaining = rawBytes;
    for (String path : NAMED_FILES) {
      long size = Math.min(remaining, logUniformSize(random, largest));
      files.add(new RawFileSpec(path, kindOf(path), size, random.nextLong()));
      remaining -= size;
    }
    for (int index = 0; remaining > 0; index++) {
      long size = Math.min(remaining, logUniformSize(random, largest));
      files.add(fillerFile(index, size, random.nextLong()));
      remaining -= size;
    }

    if (largeFileBytes > 0) {
      files.add(new RawFileSpec(LARGE_FILE_PATH, RawFileKind.BINARY, largeFileBytes, seed));
    }
    return List.copyOf(files);
  }

  private static RawFileSpec fillerFile(int index, long size, long contentSeed) {
    String folder = FOLDERS.get(index % FOLDERS.size());
    RawFileKind kind = KINDS[index % KINDS.length];
    String name = String.format(Locale.ROOT, "part-%05d.%s", index, kind.extension());
    String path = folder.isEmpty() ? name : folder + "/" + name;
    return new RawFileSpec(path, kind, size, contentSeed);
  }

  /** Returns a size from 1 to {@code largest}, with each power of two about equally likely. */
  private static long logUniformSize(SplittableRandom random, long largest) {
    // StrictMath, so that a seed gives the same sizes on every JVM and CPU.
    double size = StrictMath.exp(random.nextDouble() * StrictMath.log(largest));
    return Math.max(1, Math.min(largest, (long) size));
  }

  private static RawFileKind kindOf(String path) {
    for (RawFileKind kind : KINDS) {
      if (path.endsWith("." + kind.extension())) {
        return kind;
      }
    }
    throw new IllegalArgumentException("No raw file kind for the extension of " + path);
  }
}
