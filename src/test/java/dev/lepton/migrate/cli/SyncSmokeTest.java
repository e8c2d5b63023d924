package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.DeltaVersions;
import dev.lepton.migrate.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSmokeTest {
  @TempDir Path dir;

  @Test
  void syncsAppendsAndDeletes() {
    SparkSession spark = SharedSpark.session();
    Path source = dir.resolve("source");
    Path target = dir.resolve("target");
    String table = source.resolve("events").toString();
    spark.sql("CREATE TABLE delta.`" + table + "` (id BIGINT, v STRING) USING delta TBLPROPERTIES ("
        + "'delta.enableDeletionVectors' = 'true', 'delta.checkpointInterval' = '3')");
    for (int i = 0; i < 4; i++) {
      spark.range(i * 100L, i * 100L + 100).selectExpr("id", "CAST(id AS STRING) AS v").repartition(2)
          .write().format("delta").mode("append").save(table);
    }
    spark.sql("DELETE FROM delta.`" + table + "` WHERE id % 7 = 0");

    Cli.Result first = Cli.run("sync", "--source", source.toString(), "--target", target.toString());
    System.out.println(first.out() + first.err());
    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(Path.of(table), target.resolve("events"))).isEqualTo(6);

    spark.range(1000, 1100).selectExpr("id", "CAST(id AS STRING) AS v").write().format("delta").mode("append").save(table);
    Cli.Result second = Cli.run("sync", "--source", source.toString(), "--target", target.toString());
    System.out.println(second.out() + second.err());
    assertThat(second.code()).as(second.out() + second.err()).isEqualTo(ExitCode.SUCCESS);
    Cli.Result third = Cli.run("sync", "--source", source.toString(), "--target", target.toString());
    System.out.println(third.out() + third.err());
    assertThat(DeltaVersions.assertSameAtEveryReadableVersion(Path.of(table), target.resolve("events"))).isEqualTo(7);
  }
}
