package dev.lepton.migrate.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TpchTableLayoutTest {

  @ParameterizedTest
  @CsvSource({
    "lineitem, 0.01, 1",
    "lineitem, 0.1, 1",
    "lineitem, 1, 6",
    "lineitem, 10, 60",
    "orders, 1, 2",
    "customer, 1, 1",
    "nation, 100, 1",
    "region, 1000, 1"
  })
  void partCountGrowsWithScaleFactor(String table, double scaleFactor, int expectedParts) {
    assertThat(TpchTableLayout.forTable(table).partCount(scaleFactor)).isEqualTo(expectedParts);
  }

  @Test
  void lineitemSchemaMapsTpchTypes() {
    StructType schema = TpchTableLayout.forTable("lineitem").schema();

    assertThat(schema.apply("l_orderkey").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(schema.apply("l_linenumber").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("l_quantity").dataType()).isEqualTo(TpchTableLayout.DECIMAL_TYPE);
    assertThat(schema.apply("l_shipdate").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(schema.apply("l_comment").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(schema.fieldNames()).hasSize(17).endsWith("l_shipyear");
  }

  @Test
  void onlyOrdersAndLineitemArePartitioned() {
    List<String> partitioned =
        TpchTableLayout.tableNames().stream()
            .filter(name -> TpchTableLayout.forTable(name).partitioned())
            .toList();

    assertThat(partitioned).containsExactly("orders", "lineitem");
    assertThat(TpchTableLayout.forTable("orders").partitionColumns()).containsExactly("o_orderyear");
  }

  @Test
  void partsTogetherHoldEveryRowOnce() throws Exception {
    int parts = 3;
    long total = 0;
    long lastKey = 0;
    for (int part = 1; part <= parts; part++) {
      Iterator<Row> rows = new TpchPartRows("supplier", 0.01, parts, -1).call(part);
      while (rows.hasNext()) {
        long key = rows.next().getLong(0);
        assertThat(key).isEqualTo(lastKey + 1);
        lastKey = key;
        total++;
      }
    }

    assertThat(total).isEqualTo(100);
  }

  @Test
  void rowValuesMatchSchemaAndReferenceData() throws Exception {
    TpchTableLayout layout = TpchTableLayout.forTable("orders");
    // The first of 1500 parts at scale factor 1 starts with the first row of dbgen's orders.tbl.
    TpchPartRows generator = new TpchPartRows("orders", 1, 1500, layout.yearSourceIndex());
    Row first = generator.call(1).next();

    assertThat(first.size()).isEqualTo(layout.schema().size());
    assertThat(first.get(0)).isEqualTo(1L);
    assertThat(first.get(3)).hasToString("173665.47");
    assertThat(first.get(4)).hasToString("1996-01-02");
    assertThat(first.get(first.size() - 1)).isEqualTo(1996);
  }
}
