package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameRulesTest {
  private static final String LONG_SEGMENT = "x".repeat(256);
  private static final String LONG_KEY = ("d".repeat(250) + "/").repeat(4) + "e".repeat(30);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "/tmp/target                   | a:b.txt             | ",
      "hdfs://nn:8020/lake           | a:b.txt             | HDFS does not allow ':' in names",
      "hdfs://nn:8020/lake           | x/LONG_SEGMENT      | a name segment has 256 bytes; HDFS",
      "/tmp/target                   | x/LONG_SEGMENT      | a name segment has 256 bytes; local file systems",
      "s3a://bucket/lake             | x/LONG_SEGMENT      | ",
      "s3a://bucket/lake             | LONG_KEY            | the key has 1039 bytes; S3 keys hold at most 1024",
      "s3a://bucket/                 | a:b?c#d.txt         | ",
      "gs://bucket/lake              | LONG_KEY            | the key has 1039 bytes; GCS object names",
      "wasb://c@account/lake         | a:b.txt             | WASB does not allow ':' in names",
      "wasb://c@account/lake         | folder./x.txt       | a name segment ends with '.'",
      "abfs://c@account/lake         | trailing dot.       | a name segment ends with '.'",
      "abfs://c@account/lake         | a:b.txt             | ",
      "s3a://bucket/lake             | a/../b.txt          | it has an empty, '.' or '..' segment",
  })
  void reportsNamesTheTargetCannotHold(String target, String relative, String expected) {
    String path = relative.replace("LONG_SEGMENT", LONG_SEGMENT).replace("LONG_KEY", LONG_KEY);
    NameRules rules = NameRules.forTarget(Location.parse(target, "migration.target"));

    String problem = rules.problem(path);

    if (expected == null) {
      assertThat(problem).isNull();
    } else {
      assertThat(problem).startsWith(expected);
    }
  }

  @Test
  void wasbComparesNamesInNfc() {
    NameRules wasb = NameRules.forTarget(Location.parse("wasb://c@account/lake", "migration.target"));
    NameRules s3 = NameRules.forTarget(Location.parse("s3a://bucket/lake", "migration.target"));

    assertThat(wasb.comparisonKey("cafe\u0301.txt")).isEqualTo(wasb.comparisonKey("caf\u00e9.txt"));
    assertThat(s3.comparisonKey("cafe\u0301.txt")).isNotEqualTo(s3.comparisonKey("caf\u00e9.txt"));
  }
}
