package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.SparkUserAppException;
import org.junit.jupiter.api.Test;

class LeptonMigrateExitTest {
  private final List<Integer> exits = new ArrayList<>();

  @Test
  void clientModeExitsJvmWithCode() throws Exception {
    LeptonMigrate.exit(3, properties("client"), exits::add);

    assertThat(exits).containsExactly(3);
  }

  @Test
  void withoutSparkSubmitExitsJvm() throws Exception {
    LeptonMigrate.exit(0, new Properties(), exits::add);

    assertThat(exits).containsExactly(0);
  }

  @Test
  void yarnClusterSuccessReturns() throws Exception {
    LeptonMigrate.exit(0, properties("cluster"), exits::add);

    assertThat(exits).isEmpty();
  }

  @Test
  void yarnClusterFailureThrowsCode() {
    assertThatThrownBy(() -> LeptonMigrate.exit(1, properties("cluster"), exits::add))
        .isInstanceOfSatisfying(SparkUserAppException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
    assertThat(exits).isEmpty();
  }

  @Test
  void clusterModeOutsideYarnExitsJvm() throws Exception {
    Properties kubernetesDriver = new Properties();
    kubernetesDriver.setProperty("spark.submit.deployMode", "cluster");

    LeptonMigrate.exit(2, kubernetesDriver, exits::add);

    assertThat(exits).containsExactly(2);
  }

  /** Returns the system properties that spark-submit and YARN's application master set for a driver. */
  private static Properties properties(String deployMode) {
    Properties properties = new Properties();
    properties.setProperty("spark.master", "yarn");
    properties.setProperty("spark.submit.deployMode", deployMode);
    if (deployMode.equals("cluster")) {
      properties.setProperty("spark.yarn.app.id", "application_1733390000000_0042");
    }
    return properties;
  }
}
