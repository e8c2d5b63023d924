package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.testing.ConnectorWarnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that conf/log4j2-local.properties, the log config of bin/lepton-migrate, keeps two harmless
 * connector warnings off the console, and only those. Each case runs {@link ConnectorWarnings} in a
 * JVM of its own, because the AWS SDK warns only once per JVM.
 */
class LauncherLoggingTest {
  private static final Path LAUNCHER_CONFIG = Path.of("conf", "log4j2-local.properties");
  private static final String JAXB_WARNING = "JAXB is unavailable";
  private static final String NULL_CREDENTIALS_WARNING = "Allowing null credentials for unit testing";

  @TempDir Path dir;

  @Test
  void hidesJaxbAndNullCredentialWarnings() throws Exception {
    String output = runProbe(LAUNCHER_CONFIG);

    assertThat(output).doesNotContain(JAXB_WARNING);
    assertThat(output).doesNotContain(NULL_CREDENTIALS_WARNING);
  }

  @Test
  void keepsNeighbourLoggerWarnings() throws Exception {
    String output = runProbe(LAUNCHER_CONFIG);

    assertThat(output).contains("WARN  Base64Neighbour: neighbour of the AWS logger");
    assertThat(output).contains("WARN  Neighbour: neighbour of the GCS logger");
  }

  @Test
  void probeWarnsWithoutQuietLoggers() throws Exception {
    List<String> lines = Files.readAllLines(LAUNCHER_CONFIG, StandardCharsets.UTF_8);
    List<String> withoutQuietLoggers = lines.stream()
        .filter(line -> !line.startsWith("logger.awsbase64.") && !line.startsWith("logger.gcsnullcredentials."))
        .toList();
    assertThat(withoutQuietLoggers).as("the quieting entries in %s", LAUNCHER_CONFIG).hasSize(lines.size() - 4);
    Path unquieted =
        Files.write(dir.resolve("log4j2-unquieted.properties"), withoutQuietLoggers, StandardCharsets.UTF_8);

    String output = runProbe(unquieted);

    assertThat(output).contains("WARN  Base64: " + JAXB_WARNING);
    assertThat(output).contains("WARN  CredentialFactory: " + NULL_CREDENTIALS_WARNING);
  }

  private String runProbe(Path log4jConfig) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConnectorWarnings.class.getName()));
    Path output = dir.resolve("probe-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("The probe JVM (pid " + process.pid() + ") did not finish within 2 minutes");
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("probe exit code; output:%n%s", text).isZero();
    return text;
  }
}
