package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationTest {
  @Test
  void localPathBecomesFileUri() {
    Location location = Location.parse("/data/lake/", "migration.source");
    assertThat(location.scheme()).isEqualTo("file");
    assertThat(location.rootPath()).isEqualTo("/data/lake");
    assertThat(location.toString()).isEqualTo("file:/data/lake");
  }

  @Test
  void objectStoreUriKeepsBucket() {
    Location location = Location.parse("s3a://bucket/prefix/", "migration.source");
    assertThat(location.authority()).isEqualTo("bucket");
    assertThat(location.resolve("x/y.csv").toString()).isEqualTo("s3a://bucket/prefix/x/y.csv");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b.csv", "100%.csv", "a+b=c.csv", "x#y.csv", "q?.csv", "k:v.csv", "café.csv",
      "日本語/データ.json", "a%20b.csv"})
  void awkwardNamesRoundTripThroughHadoopPaths(String name) {
    Location root = Location.parse("/data", "migration.source");
    Path path = root.resolve("dir/" + name);
    assertThat(path.getName()).isEqualTo(name.substring(name.lastIndexOf('/') + 1));
    assertThat(root.relativize(path)).isEqualTo("dir/" + name);
    assertThat(root.relativize(new Path(path.toUri()))).isEqualTo("dir/" + name);
  }

  @Test
  void overlapIsDetectedBothWays() {
    Location parent = Location.parse("s3a://b/data", "k");
    assertThat(parent.overlaps(Location.parse("s3a://b/data/copy", "k"))).isTrue();
    assertThat(Location.parse("s3a://b/data/copy", "k").overlaps(parent)).isTrue();
    assertThat(parent.overlaps(Location.parse("s3a://b/data2", "k"))).isFalse();
    assertThat(parent.overlaps(Location.parse("s3a://other/data", "k"))).isFalse();
  }

  @Test
  void uriWithoutBucketIsRejectedWithTheFix() {
    assertThatThrownBy(() -> Location.parse("s3a:///prefix", "migration.target"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("migration.target")
        .hasMessageContaining("s3a://BUCKET/path");
  }
}
