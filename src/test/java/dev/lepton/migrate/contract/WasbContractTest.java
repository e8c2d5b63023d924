package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.AzuriteServer;
import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The store contract on Azurite through the WASB connector in storage-emulator mode. */
class WasbContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    // CI installs Azurite, so there a missing install fails the start instead of skipping.
    Assumptions.assumeTrue(AzuriteServer.isInstalled() || "true".equals(System.getenv("CI")),
        "Azurite is not installed in " + AzuriteServer.home() + "; run bin/test-servers install");
    return TestStores.azurite(dir);
  }

  @Override
  boolean holds(String relativePath) {
    // WASB rejects ':' and trailing dots, and Azurite keeps an NFC and an NFD name as one blob.
    return !relativePath.endsWith(".") && !relativePath.contains(":")
        && java.text.Normalizer.isNormalized(relativePath, java.text.Normalizer.Form.NFC);
  }

  @Override
  String nameTheStoreRejects() {
    return "folder/trailing dot.";
  }
}
