package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartSizingTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;
  private static final long TIB = 1L << 40;

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 5 * MIB, 64 * MIB, 640 * GIB, 641 * GIB, TIB, 3 * TIB + 17, 5 * TIB})
  void s3PartsStayWithinLimits(long fileSize) {
    long part = PartSizing.s3PartSize(fileSize, 64 * MIB);
    assertThat(part).isBetween(5 * MIB, 5 * GIB);
    assertThat(PartSizing.partCount(fileSize, part)).isLessThanOrEqualTo(10_000);
    assertThat(part % MIB).isZero();
  }

  @Test
  void s3KeepsConfiguredSizeWhenItFits() {
    assertThat(PartSizing.s3PartSize(100 * GIB, 64 * MIB)).isEqualTo(64 * MIB);
    assertThat(PartSizing.s3PartSize(10 * MIB, MIB)).isEqualTo(5 * MIB);
  }

  @Test
  void s3RaisesPartSizeForLargeFiles() {
    long part = PartSizing.s3PartSize(5 * TIB, 64 * MIB);
    assertThat(part).isEqualTo(525 * MIB);
    assertThat(PartSizing.partCount(5 * TIB, part)).isEqualTo(9_987);
  }

  @Test
  void objectsAboveFiveTebibytesAreRejected() {
    assertThatThrownBy(() -> PartSizing.s3PartSize(5 * TIB + 1, 64 * MIB))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("5 TiB")
        .hasMessageContaining("exclude-globs");
  }

  @Test
  void gcsChunksAreMultiplesOf256KiB() {
    assertThat(PartSizing.gcsChunkSize(TIB, 10 * MIB + 1)).isEqualTo(10 * MIB + 256 * 1024);
    assertThat(PartSizing.gcsChunkSize(1, 1)).isEqualTo(256 * 1024);
  }

  @Test
  void settingsOnlyChangeWhatIsNeeded() {
    Configuration conf = new Configuration(false);
    assertThat(PartSizing.settingsFor(StoreKind.S3, 10 * GIB, conf)).isEmpty();
    assertThat(PartSizing.settingsFor(StoreKind.S3, 2 * TIB, conf))
        .containsEntry("fs.s3a.multipart.size", Long.toString(210 * MIB));
    conf.set("fs.s3a.multipart.size", "8M");
    assertThat(PartSizing.settingsFor(StoreKind.S3, 100 * GIB, conf))
        .containsEntry("fs.s3a.multipart.size", Long.toString(11 * MIB));
    assertThat(PartSizing.settingsFor(StoreKind.HDFS, 4 * TIB, conf)).isEmpty();
  }
}
