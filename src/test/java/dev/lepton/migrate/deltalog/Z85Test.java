package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Z85Test {

  @Test
  void decodesTheRfcExample() {
    // ZeroMQ RFC 32 encodes these 8 bytes as "HelloWorld".
    byte[] expected = {(byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B};

    assertThat(Z85.decode("HelloWorld")).containsExactly(expected);
  }

  @Test
  void deletionVectorPathKeepsRandomPrefixAsFolder() {
    // The example descriptor of the Delta protocol's deletion vector section.
    DeletionVectorDescriptor dv =
        new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", OptionalInt.of(4), 40, 6);

    assertThat(dv.filePath())
        .contains("ab/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin");
    assertThat(dv.uniqueId()).isEqualTo("uab^-aqEH.-t@S}K{vb[*k^@4");
  }

  @Test
  void deletionVectorWithoutPrefixSitsAtTheRoot() {
    DeletionVectorDescriptor dv =
        new DeletionVectorDescriptor("u", "0X9F0q2<2yJ-f)Gm2!e0", OptionalInt.of(1), 34, 1);

    assertThat(dv.filePath()).hasValueSatisfying(path -> assertThat(path)
        .matches("deletion_vector_[0-9a-f-]{36}\\.bin"));
  }

  @Test
  void absoluteAndInlineVectors() {
    DeletionVectorDescriptor absolute =
        new DeletionVectorDescriptor("p", "s3://b/t/dv%201.bin", OptionalInt.empty(), 40, 6);
    DeletionVectorDescriptor inline =
        new DeletionVectorDescriptor(
            "i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", OptionalInt.empty(), 40, 6);

    assertThat(absolute.filePath()).contains("s3://b/t/dv%201.bin");
    assertThat(inline.filePath()).isEqualTo(Optional.empty());
    assertThat(inline.uniqueId()).startsWith("iwi5b");
  }

  @Test
  void uuidBytesAreBigEndian() {
    UUID uuid = Z85.decodeUuid("00000000000000000001");

    assertThat(uuid).isEqualTo(new UUID(0, 1));
  }

  @Test
  void rejectsCharactersOutsideTheAlphabet() {
    assertThatThrownBy(() -> Z85.decode("abc~e"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid Z85 character '~'");
    assertThatThrownBy(() -> Z85.decode("abcd"))
        .hasMessageContaining("divisible by 5");
  }
}
