package dev.lepton.migrate.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawFileWriterTest {
  @TempDir java.nio.file.Path tempDir;

  private FileSystem fs;
  private Path root;

  @BeforeEach
  void openFileSystem() throws IOException {
    fs = FileSystem.newInstance(tempDir.toUri(), new Configuration());
    fs.setWriteChecksum(false);
    root = new Path(tempDir.toUri());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 8, 65_536, 65_537, 300_001})
  void binaryFileHasExactSize(long size) throws IOException {
    RawFileSpec spec = new RawFileSpec("bin/data.bin", RawFileKind.BINARY, size, 3);

    long written = RawFileWriter.write(fs, root, spec);

    assertThat(written).isEqualTo(size);
    assertThat(Files.size(tempDir.resolve("bin/data.bin"))).isEqualTo(size);
  }

  @Test
  void sameSeedGivesSameBytes() throws IOException {
    RawFileWriter.write(fs, root, new RawFileSpec("a.bin", RawFileKind.BINARY, 100_000, 5));
    RawFileWriter.write(fs, root, new RawFileSpec("b.bin", RawFileKind.BINARY, 100_000, 5));
    RawFileWriter.write(fs, root, new RawFileSpec("c.bin", RawFileKind.BINARY, 100_000, 6));

    byte[] first = Files.readAllBytes(tempDir.resolve("a.bin"));
    assertThat(Files.readAllBytes(tempDir.resolve("b.bin"))).isEqualTo(first);
    assertThat(Files.readAllBytes(tempDir.resolve("c.bin"))).isNotEqualTo(first);
  }

  @Test
  void csvFileFitsPlannedSize() throws IOException {
    RawFileSpec spec = new RawFileSpec("t.csv", RawFileKind.CSV, 10_000, 9);

    long written = RawFileWriter.write(fs, root, spec);
    String text = Files.readString(tempDir.resolve("t.csv"), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();

    assertThat(written).isBetween(9_000L, 10_000L);
    assertThat(text).endsWith("\n");
    assertThat(lines.get(0)).isEqualTo("id,name,city,amount,note");
    assertThat(lines.get(lines.size() - 1)).startsWith((lines.size() - 1) + ",");
  }

  @Test
  void jsonLinesFileHasOneObjectPerLine() throws IOException {
    RawFileSpec spec = new RawFileSpec("t.json", RawFileKind.JSON_LINES, 5_000, 9);

    RawFileWriter.write(fs, root, spec);
    List<String> lines = Files.readAllLines(tempDir.resolve("t.json"), StandardCharsets.UTF_8);

    assertThat(lines).isNotEmpty();
    assertThat(lines).allMatch(line -> line.startsWith("{\"id\":") && line.endsWith("}"));
  }

  @Test
  void tinyTextFileStillHoldsOneRecord() throws IOException {
    RawFileWriter.write(fs, root, new RawFileSpec("tiny.csv", RawFileKind.CSV, 3, 2));
    RawFileWriter.write(fs, root, new RawFileSpec("tiny.json", RawFileKind.JSON_LINES, 3, 2));

    assertThat(Files.readAllLines(tempDir.resolve("tiny.csv"), StandardCharsets.UTF_8))
        .hasSize(2)
        .first()
        .isEqualTo("id,name,city,amount,note");
    assertThat(Files.readAllLines(tempDir.resolve("tiny.json"), StandardCharsets.UTF_8)).hasSize(1);
  }

  @Test
  void zeroPlannedBytesGivesEmptyFile() throws IOException {
    RawFileSpec spec = new RawFileSpec("empty.csv", RawFileKind.CSV, 0, 1);

    assertThat(RawFileWriter.write(fs, root, spec)).isZero();
    assertThat(Files.size(tempDir.resolve("empty.csv"))).isZero();
  }

  @Test
  void awkwardNamesSurviveHadoopPaths() throws IOException {
    for (String path : RawFilePlan.NAMED_FILES) {
      RawFileWriter.write(fs, root, new RawFileSpec(path, RawFileKind.BINARY, 10, 1));
    }

    for (String path : RawFilePlan.NAMED_FILES) {
      assertThat(tempDir.resolve(path)).as(path).isRegularFile().hasSize(10);
    }
    assertThat(tempDir.resolve("a b%20c+d=e#f.csv")).exists();
    assertThat(tempDir.resolve("100% literal %25/%41 is not A.bin")).exists();
  }

  @Test
  void writesOnlyTheNamedFile() throws IOException {
    RawFileWriter.write(fs, root, new RawFileSpec("x y.csv", RawFileKind.CSV, 500, 1));

    try (var names = Files.list(tempDir)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("x y.csv");
    }
  }

  @Test
  void specRejectsColonAndEmptyNames() {
    assertThatThrownBy(() -> new RawFileSpec("a:b.csv", RawFileKind.CSV, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a:b.csv");
    assertThatThrownBy(() -> new RawFileSpec("a//b.csv", RawFileKind.CSV, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a//b.csv");
    assertThatThrownBy(() -> new RawFileSpec("/a.csv", RawFileKind.CSV, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
