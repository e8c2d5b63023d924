package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.copy.ChecksumAlgorithm;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.MD5MD5CRC32CastagnoliFileChecksum;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileStatus;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.io.MD5Hash;
import org.junit.jupiter.api.Test;

class StoreChecksumsTest {
  private static S3AFileStatus s3Status(String etag) {
    return new S3AFileStatus(10, 0, new Path("s3a://b/k"), 0, "owner", etag, null);
  }

  @Test
  void singlePartEtagIsComparableMd5() {
    StoreChecksum checksum = StoreChecksums.fromS3(s3Status("\"0CC175B9C0F1B6A831C399E269772661\""), new Configuration(false));
    assertThat(checksum).isEqualTo(new StoreChecksum.Available("s3 etag", ChecksumAlgorithm.MD5,
        "0cc175b9c0f1b6a831c399e269772661"));
  }

  @Test
  void multipartAndKmsEtagsAreNotComparable() {
    assertThat(StoreChecksums.fromS3(s3Status("d41d8cd98f00b204e9800998ecf8427e-3"), new Configuration(false)))
        .isInstanceOf(StoreChecksum.NotComparable.class)
        .extracting(c -> ((StoreChecksum.NotComparable) c).reason()).asString().contains("multipart");
    Configuration kms = new Configuration(false);
    kms.set("fs.s3a.encryption.algorithm", "SSE-KMS");
    assertThat(StoreChecksums.fromS3(s3Status("0cc175b9c0f1b6a831c399e269772661"), kms))
        .isInstanceOf(StoreChecksum.NotComparable.class);
  }

  @Test
  void blockDependentHdfsChecksumIsNotComparable() {
    StoreChecksum checksum = StoreChecksums.fromFileChecksum(
        new MD5MD5CRC32CastagnoliFileChecksum(512, 128, new MD5Hash(new byte[16])), StoreKind.HDFS);
    assertThat(checksum).isInstanceOf(StoreChecksum.NotComparable.class);
  }

  @Test
  void hdfsCompositeCrcEqualsCrc32cOfTheBytes() throws Exception {
    Configuration conf = new Configuration();
    conf.set("dfs.checksum.combine.mode", "COMPOSITE_CRC");
    conf.setLong("dfs.blocksize", 1L << 20);
    java.nio.file.Path base = Files.createTempDirectory("minidfs");
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
    try {
      FileSystem fs = cluster.getFileSystem();
      byte[] data = new byte[3 * (1 << 20) + 12345];
      new Random(9).nextBytes(data);
      Path file = new Path("/data/three blocks.bin");
      try (OutputStream out = fs.create(file)) {
        out.write(data);
      }
      ChecksumAlgorithm.Digest crc = ChecksumAlgorithm.CRC32C.newDigest();
      crc.update(data, 0, data.length);

      StoreChecksum reported = StoreChecksums.read(fs, file, StoreKind.HDFS);

      assertThat(reported).isEqualTo(new StoreChecksum.Available("hdfs crc32c", ChecksumAlgorithm.CRC32C, crc.hex()));
    } finally {
      cluster.shutdown(true);
    }
  }
}
