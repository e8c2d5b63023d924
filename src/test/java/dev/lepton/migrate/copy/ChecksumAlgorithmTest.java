package dev.lepton.migrate.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumAlgorithmTest {
  @ParameterizedTest
  @CsvSource({
    "CRC32C, e3069283",
    "MD5, 25f9e794323b453885f5181f1b624d0b",
    "SHA256, 15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225",
  })
  void digestsMatchPublishedCheckValues(ChecksumAlgorithm algorithm, String expected) {
    byte[] input = "123456789".getBytes(StandardCharsets.US_ASCII);
    ChecksumAlgorithm.Digest digest = algorithm.newDigest();
    digest.update(input, 0, 4);
    digest.update(input, 4, 5);
    assertThat(digest.hex()).isEqualTo(expected);
  }
}
