package dev.lepton.migrate.testing.http;

import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Records every host name the JVM resolves or connects to while installed, through the checks
 * that the JDK makes before a name lookup ({@code checkConnect(host, -1)}) and before opening a
 * socket ({@code checkConnect(host, port)}). It permits everything else. Java 17 still allows
 * installing a SecurityManager at run time, with a warning.
 */
@SuppressWarnings("removal")
public final class ConnectionRecorder extends SecurityManager implements AutoCloseable {
  private final SecurityManager previous;
  private final List<String> hosts = new ArrayList<>();

  private ConnectionRecorder(SecurityManager previous) {
    this.previous = previous;
  }

  public static ConnectionRecorder install() {
    // With a SecurityManager present, a common pool created later gets permission-less threads.
    ForkJoinPool.commonPool();
    ConnectionRecorder recorder = new ConnectionRecorder(System.getSecurityManager());
    System.setSecurityManager(recorder);
    return recorder;
  }

  /** Returns the hosts looked up or connected to, in order, with repeats. */
  public synchronized List<String> hosts() {
    return List.copyOf(hosts);
  }

  @Override
  public void checkConnect(String host, int port) {
    record(host);
  }

  @Override
  public void checkConnect(String host, int port, Object context) {
    record(host);
  }

  @Override
  public void checkPermission(Permission permission) {
    // Everything is permitted, and only connections are recorded.
  }

  @Override
  public void checkPermission(Permission permission, Object context) {
    // Everything is permitted, and only connections are recorded.
  }

  @Override
  public void close() {
    System.setSecurityManager(previous);
  }

  private synchronized void record(String host) {
    hosts.add(host);
  }
}
