package dev.lepton.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaLogOrderTest {
  private static final String LOG = "sales/_delta_log/";

  @Test
  void recognisesLogFilesAndTheirTable() {
    assertThat(DeltaLogOrder.tableOf(LOG + "00000000000000000000.json")).isEqualTo("sales");
    assertThat(DeltaLogOrder.tableOf("_delta_log/_last_checkpoint")).isEqualTo("");
    assertThat(DeltaLogOrder.tableOf("a/b/_delta_log/x.json")).isEqualTo("a/b");
    assertThat(DeltaLogOrder.tableOf(LOG + "_sidecars/abc.parquet")).isNull();
    assertThat(DeltaLogOrder.tableOf("sales/part-0.parquet")).isNull();
  }

  @Test
  void ordersCommitsThenChecksumsThenCheckpointsAndLastCheckpointLast() {
    List<String> files = new ArrayList<>(List.of(
        LOG + "_last_checkpoint",
        LOG + "00000000000000000010.checkpoint.parquet",
        LOG + "00000000000000000011.json",
        LOG + "00000000000000000002.json",
        LOG + "00000000000000000010.json",
        LOG + "00000000000000000010.crc",
        LOG + "00000000000000000001.00000000000000000010.compacted.json",
        LOG + "00000000000000000009.json"));
    files.sort(DeltaLogOrder.comparator());
    assertThat(files).containsExactly(
        LOG + "00000000000000000002.json",
        LOG + "00000000000000000009.json",
        LOG + "00000000000000000010.json",
        LOG + "00000000000000000010.crc",
        LOG + "00000000000000000010.checkpoint.parquet",
        LOG + "00000000000000000001.00000000000000000010.compacted.json",
        LOG + "00000000000000000011.json",
        LOG + "_last_checkpoint");
  }

  @Test
  void onlyVersionedFilesAreImmutable() {
    assertThat(DeltaLogOrder.isImmutable(LOG + "00000000000000000003.json")).isTrue();
    assertThat(DeltaLogOrder.isImmutable(LOG + "00000000000000000003.checkpoint.0000000001.0000000002.parquet")).isTrue();
    assertThat(DeltaLogOrder.isImmutable(LOG + "_last_checkpoint")).isFalse();
  }
}
