package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;

/** The store contract on Azurite through the WASB connector in storage-emulator mode. */
class WasbContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.azurite(dir);
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
