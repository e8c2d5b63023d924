package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogPathsTest {
  private final LogPaths paths = new LogPaths(new Path("file:/data/table"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "part-0.parquet|part-0.parquet",
        "special%20p@%23h|special p@#h",
        "_2=bar+%252521/part-0.parquet|_2=bar+%2521/part-0.parquet",
        "p=%C3%BCn%C3%AF/part-0.parquet|p=ünï/part-0.parquet",
        "p=a%3Ab/x|p=a:b/x",
        "a+b|a+b"
      })
  void decodesEscapesExactlyOnce(String encoded, String decoded) {
    FileLocation location = paths.locate(encoded);

    assertThat(location.path()).isEqualTo(decoded);
    assertThat(location.isAbsolute()).isFalse();
  }

  @Test
  void keepsAbsoluteUrisAbsolute() {
    FileLocation location = paths.locate("s3a://bucket/other%20table/part-0.parquet");

    assertThat(location.isAbsolute()).isTrue();
    assertThat(location.path()).isEqualTo("s3a://bucket/other table/part-0.parquet");
    assertThat(location.resolve(new Path("file:/ignored")).toUri().getRawPath())
        .isEqualTo("/other%20table/part-0.parquet");
  }

  @Test
  void resolvesRelativePathsAgainstTheRoot() {
    assertThat(paths.resolve("p=a%3Ab/x%231.parquet").toString())
        .isEqualTo("file:/data/table/p=a:b/x#1.parquet");
  }

  @Test
  void replayKeyOfAbsolutePathInsideTableMatchesRelativeForm() {
    assertThat(paths.replayKey("file:///data/table/p=1/part-0.parquet"))
        .isEqualTo(paths.replayKey("p=1/part-0.parquet"));
    assertThat(paths.replayKey("file:/data/other/part-0.parquet"))
        .isEqualTo("file:/data/other/part-0.parquet");
  }

  @Test
  void rejectsInvalidEscape() {
    assertThatThrownBy(() -> paths.locate("bad%2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path 'bad%2' has an invalid escape at position 3");
  }
}
