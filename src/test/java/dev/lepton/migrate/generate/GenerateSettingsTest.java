package dev.lepton.migrate.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerateSettingsTest {

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, 1000.5, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsScaleFactorOutOfRange(double scaleFactor) {
    assertThatThrownBy(() -> settings(scaleFactor, List.of(), 0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Cannot generate sample data: scale factor " + scaleFactor + " ")
        .hasMessageEndingWith("Use a value greater than 0 and at most 1000, for example 0.01 or 1.");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0001, 0.01, 1, 1000})
  void acceptsScaleFactorInRange(double scaleFactor) {
    assertThat(settings(scaleFactor, List.of(), 0, 0).scaleFactor()).isEqualTo(scaleFactor);
  }

  @Test
  void rejectsUnknownTable() {
    assertThatThrownBy(() -> settings(1, List.of("lineitem", "lineitems"), 0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Cannot generate sample data: unknown TPC-H table 'lineitems'. ")
        .hasMessageContaining("region, nation, supplier, customer, part, partsupp, orders");
  }

  @Test
  void rejectsNullTableName() {
    assertThatThrownBy(() -> settings(1, Arrays.asList("orders", null), 0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown TPC-H table 'null'");
  }

  @Test
  void rejectsNullTableList() {
    assertThatThrownBy(() -> settings(1, null, 0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the table list is null");
  }

  @Test
  void rejectsNegativeRawBytes() {
    assertThatThrownBy(() -> settings(1, List.of(), -5, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Cannot generate sample data: raw bytes -5 is negative. "
                + "Use 0 or a positive number of bytes.");
  }

  @Test
  void rejectsNegativeLargeFileBytes() {
    assertThatThrownBy(() -> settings(1, List.of(), 0, -7))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Cannot generate sample data: large file bytes -7 is negative. ");
  }

  @Test
  void emptyTableListMeansAllEight() {
    assertThat(settings(1, List.of(), 0, 0).tables())
        .containsExactly(
            "region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");
  }

  @Test
  void tableNamesAreNormalized() {
    List<String> tables = settings(1, List.of("LineItem", " region ", "REGION"), 0, 0).tables();

    assertThat(tables).containsExactly("region", "lineitem");
  }

  private static GenerateSettings settings(
      double scaleFactor, List<String> tables, long rawBytes, long largeFileBytes) {
    return new GenerateSettings(scaleFactor, tables, true, rawBytes, largeFileBytes, 1);
  }
}
