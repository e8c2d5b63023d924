package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.servers.TestStore;
import dev.lepton.migrate.testing.servers.TestStores;
import java.nio.file.Path;

/** The store contract on HDFS (a MiniDFSCluster in the test JVM). */
class HdfsContractTest extends StoreContract {
  @Override
  TestStore startStore(Path dir) throws Exception {
    return TestStores.hdfs(dir);
  }

  @Override
  boolean holds(String relativePath) {
    return !relativePath.contains(":");
  }

  @Override
  String nameTheStoreRejects() {
    return "logs/10:15:00.txt";
  }
}
