package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;

/** The store contract on s3proxy through S3A, with signed requests. */
class S3ProxyContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.s3proxy(dir);
  }

  @Override
  String nameTheStoreRejects() {
    // An S3 key holds at most 1,024 bytes of UTF-8.
    return ("d".repeat(250) + "/").repeat(4) + "e".repeat(100) + ".bin";
  }
}
