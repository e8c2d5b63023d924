package dev.lepton.migrate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileStatus;

/** The store contract on S3Mock through S3A. */
class S3MockContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.s3mock(dir);
  }

  /**
   * Four racing puts with {@code If-None-Match: *} to one key let two succeed on S3Mock 5.2.0 in
   * this suite, so only the sequential case is checked there; AWS S3 admits one.
   */
  @Override
  boolean serializesConditionalCreates() {
    return false;
  }

  @Override
  String nameTheStoreRejects() {
    // An S3 key holds at most 1,024 bytes of UTF-8.
    return ("d".repeat(250) + "/").repeat(4) + "e".repeat(100) + ".bin";
  }

  @Override
  void checkLargeObject(FileStatus status) {
    super.checkLargeObject(status);
    // A multipart upload's etag is the MD5 of the part MD5s followed by "-" and the part count.
    assertThat(Stores.etagOf(status)).endsWith("-5");
  }
}
