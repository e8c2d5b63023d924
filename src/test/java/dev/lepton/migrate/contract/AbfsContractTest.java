package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;

/** The store contract on the project's ADLS Gen2 test server through the ABFS driver. */
class AbfsContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.abfs(dir);
  }

  @Override
  boolean holds(String relativePath) {
    return !relativePath.endsWith(".");
  }

  @Override
  String nameTheStoreRejects() {
    return "folder/trailing dot.";
  }
}
