package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;

/** The store contract on the project's GCS test server through the GCS connector. */
class GcsContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.gcs(dir);
  }

  @Override
  String nameTheStoreRejects() {
    // A GCS object name holds at most 1,024 bytes of UTF-8.
    return ("d".repeat(250) + "/").repeat(4) + "e".repeat(100) + ".bin";
  }
}
