package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;

/**
 * The store contract on the project's ADLS Gen2 test server over HTTPS, through the ABFS driver's
 * {@code abfss://} scheme. The server's certificate is self-signed for 127.0.0.1 and trusted by the
 * test JVM only.
 */
class AbfssContractTest extends AbfsContractTest {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.abfss(dir);
  }
}
