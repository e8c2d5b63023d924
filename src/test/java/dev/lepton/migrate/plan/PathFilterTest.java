package dev.lepton.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathFilterTest {
  private final PathFilter plain = new PathFilter(List.of(), List.of(), List.of("_lepton", "_lepton_staging"));

  @ParameterizedTest
  @CsvSource({
    "a/b.csv, true",
    "table/_delta_log/00000000000000000001.crc, true",
    "table/_delta_log/00000000000000000001.json, true",
    "a/.b.csv.crc, false",
    "a/_temporary/0/part-0, false",
    "_temporary/x, false",
    "_lepton/manifest/part-0.parquet, false",
    "_lepton_staging/run/abc, false",
    "_leptonic/data.csv, true",
  })
  void skipsJobFoldersAndHadoopSidecars(String path, boolean kept) {
    assertThat(plain.accepts(path)).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource({
    "*.csv, a/b/c.csv, true",
    "*.csv, c.csv, true",
    "*.csv, a/c.json, false",
    "logs/**, logs/2024/01/x.txt, true",
    "logs/**, other/logs/x.txt, false",
    "a/*/c.txt, a/b/c.txt, true",
    "a/*/c.txt, a/b/x/c.txt, false",
    "a/**/c.txt, a/c.txt, true",
    "a/**/c.txt, a/b/x/c.txt, true",
    "'{x,y}.bin', d/y.bin, true",
    "f?.dat, f1.dat, true",
    "f?.dat, f12.dat, false",
    "'[ab].txt', b.txt, true",
    "'[!ab].txt', b.txt, false",
    "file+name=1 %.csv, dir/file+name=1 %.csv, true",
  })
  void includeGlobsMatchRelativePaths(String glob, String path, boolean kept) {
    assertThat(new PathFilter(List.of(glob), List.of(), List.of()).accepts(path)).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource({"tmp/**, tmp/a.csv, false", "tmp/**, data/a.csv, true", "*.tmp, a/b.tmp, false"})
  void excludeWinsOverInclude(String glob, String path, boolean kept) {
    assertThat(new PathFilter(List.of("**"), List.of(glob), List.of()).accepts(path)).isEqualTo(kept);
  }
}
