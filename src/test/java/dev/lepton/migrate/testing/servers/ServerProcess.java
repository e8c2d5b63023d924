package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A test server running as a child process, known by its PID. {@link #stop} ends it by that PID:
 * first politely, then forcibly after a deadline. Unless started detached, a JVM shutdown hook stops
 * it too, so a test JVM that dies between start and close leaves no server behind (a JVM killed
 * with SIGKILL runs no hooks, which is the one case that can leak a server).
 */
public final class ServerProcess implements AutoCloseable {
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);

  /** Whether the child outlives the JVM that started it. */
  public enum Lifetime {
    /** Stopped by a shutdown hook when this JVM exits. */
    BOUND_TO_JVM,
    /** Left running when this JVM exits; stopped later by PID, as {@code bin/test-servers stop} does. */
    DETACHED
  }

  private final String name;
  private final ProcessHandle handle;
  private final Path log;
  private final Thread hook;

  private ServerProcess(String name, ProcessHandle handle, Path log, Thread hook) {
    this.name = name;
    this.handle = handle;
    this.log = log;
    this.hook = hook;
  }

  /**
   * Starts {@code command} with its output in {@code log} and waits until it accepts connections on
   * 127.0.0.1:{@code port}. Stops it again when it exits early or the deadline passes.
   */
  public static ServerProcess start(
      String name, List<String> command, Path log, int port, Duration deadline, Lifetime lifetime)
      throws IOException {
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
        .start();
    ProcessHandle handle = process.toHandle();
    Thread hook = null;
    if (lifetime == Lifetime.BOUND_TO_JVM) {
      hook = new Thread(() -> stop(handle), "stop " + name + " (pid " + handle.pid() + ")");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    ServerProcess server = new ServerProcess(name, handle, log, hook);
    try {
      Ports.awaitListening(name, port, deadline, server::exitedWithin, server::logTail);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public long pid() {
    return handle.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** Waits up to {@code wait} for the process to exit; returns whether it has. */
  boolean exitedWithin(Duration wait) {
    try {
      handle.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !handle.isAlive();
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Stops the process with this PID, forcibly after a deadline; returns whether it has ended. */
  public static boolean stop(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    return handle.isEmpty() || stop(handle.get());
  }

  private static boolean stop(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return true;
    }
    handle.destroy();
    try {
      handle.onExit().get(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      handle.destroyForcibly();
      return handle.onExit().completeOnTimeout(handle, STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .thenApply(h -> !h.isAlive()).join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
      return false;
    }
  }

  @Override
  public void close() {
    stop(handle);
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and runs the hook itself.
      }
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + handle.pid() + ")";
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
