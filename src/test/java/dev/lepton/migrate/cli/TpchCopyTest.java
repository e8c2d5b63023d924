package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.StateTables;
import dev.lepton.migrate.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated TPC-H Delta tables and raw files survive plan, copy and verify with equal row counts. */
class TpchCopyTest {
  private static final Map<String, Long> ROWS_AT_SF_001 = Map.of(
      "tpch/lineitem", 60_175L, "tpch/orders", 15_000L, "tpch/customer", 1_500L, "tpch/part", 2_000L,
      "tpch/partsupp", 8_000L, "tpch/supplier", 100L, "tpch/nation", 25L, "tpch/region", 5L);

  @TempDir Path dir;

  @Test
  void generatedTablesCopyWithMatchingRowCounts() throws Exception {
    Path source = dir.resolve("source");
    Path target = dir.resolve("target");
    Cli.Result generate = Cli.run("generate", "--target", source.toString(), "--scale-factor", "0.01",
        "--set", "migration.generate.raw-size=4MiB");
    assertThat(generate.code()).as(generate.err()).isEqualTo(ExitCode.SUCCESS);

    Cli.Result plan = Cli.run("plan", "--source", source.toString(), "--target", target.toString());
    assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCode.SUCCESS);
    assertThat(plan.out()).contains("to copy").contains("Estimated copy time");
    assertThat(Files.exists(target)).as("plan writes nothing").isFalse();

    Cli.Result copy = Cli.run("copy", "--source", source.toString(), "--target", target.toString());
    assertThat(copy.code()).as(copy.err()).isEqualTo(ExitCode.SUCCESS);
    Trees.assertSameFiles(source, target);

    Cli.Result verify = Cli.run("verify", "--source", source.toString(), "--target", target.toString());
    assertThat(verify.code()).as(verify.out()).isEqualTo(ExitCode.SUCCESS);
    List<Row> tables = StateTables.reconciliation(target).filter("level = 'table'").collectAsList();
    assertThat(tables).hasSize(8);
    for (Row row : tables) {
      String table = row.getAs("table");
      assertThat(row.<String>getAs("status")).as(table).isEqualTo("match");
      assertThat(row.<Long>getAs("source_value")).as(table).isEqualTo(ROWS_AT_SF_001.get(table));
      assertThat(row.<Long>getAs("target_value")).as(table).isEqualTo(ROWS_AT_SF_001.get(table));
    }
    long lineitemYears = StateTables.reconciliation(target)
        .filter("level = 'partition' AND table = 'tpch/lineitem' AND status = 'match'").count();
    assertThat(lineitemYears).isEqualTo(7);
  }
}
