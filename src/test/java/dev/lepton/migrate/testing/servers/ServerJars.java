package dev.lepton.migrate.testing.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the test-server jars and tools live. The pom copies the S3 server jars to
 * {@code target/test-servers} at process-test-resources; Surefire passes that folder as
 * {@code lepton.test.servers}, and {@code bin/test-servers} does too.
 */
final class ServerJars {
  private ServerJars() {}

  static Path folder() {
    String configured = System.getProperty("lepton.test.servers");
    Path folder = configured != null ? Path.of(configured) : Path.of("target", "test-servers");
    return folder.toAbsolutePath();
  }

  static Path jar(String fileName) {
    Path jar = folder().resolve(fileName);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Cannot start a test server: " + jar + " is missing. Run"
          + " `mvn test-compile` (or `mvn process-test-resources`), which copies the server jars there.");
    }
    return jar;
  }

  /** Returns the start of a command that runs a jar in a new JVM with a small heap. */
  static List<String> javaJar(Path jar, String heap, List<String> systemProperties) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(systemProperties);
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }
}
