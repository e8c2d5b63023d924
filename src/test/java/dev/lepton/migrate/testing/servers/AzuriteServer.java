package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import com.microsoft.azure.storage.CloudStorageAccount;
import com.microsoft.azure.storage.blob.CloudBlobContainer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Azurite's blob service (npm {@code azurite} 3.37.0) on 127.0.0.1:10000, for {@code wasb://} URIs
 * in the connector's storage-emulator mode: {@code wasb://CONTAINER@storageemulator/path}.
 *
 * <p>The port is fixed because hadoop-azure 3.3.4 builds the emulator endpoint with the Azure storage
 * SDK's {@code CloudStorageAccount.getDevelopmentStorageAccount()}, which always connects to
 * {@code http://127.0.0.1:10000/devstoreaccount1} with the SDK's published development key. An
 * exclusive lock on a file in {@code java.io.tmpdir} makes test JVMs on one machine take turns.
 *
 * <p>Azurite is installed with npm into {@link #home()}; {@code bin/test-servers install} does that.
 */
public final class AzuriteServer implements AutoCloseable {
  public static final String VERSION = "3.37.0";
  /** The only port the WASB emulator mode of hadoop-azure 3.3.4 connects to. */
  public static final int PORT = 10000;
  /** Account name that switches WASB to emulator mode ({@code fs.azure.storage.emulator.account.name}). */
  public static final String ACCOUNT = "storageemulator";
  private static final Duration START_DEADLINE = Duration.ofSeconds(60);
  private static final Duration LOCK_DEADLINE = Duration.ofMinutes(10);

  private final ServerProcess process;
  private final FileChannel lockChannel;

  private AzuriteServer(ServerProcess process, FileChannel lockChannel) {
    this.process = process;
    this.lockChannel = lockChannel;
  }

  /** Returns the folder that contains {@code node_modules/azurite}. */
  public static Path home() {
    String configured = System.getProperty("lepton.azurite.home", System.getenv("LEPTON_AZURITE_HOME"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "lepton-migrate", "azurite-" + VERSION);
  }

  /** Returns whether Azurite is installed in {@link #home()}. */
  public static boolean isInstalled() {
    return Files.isRegularFile(home().resolve("node_modules/azurite/dist/src/blob/main.js"));
  }

  /**
   * Starts Azurite with its data under {@code dir}. With {@link ServerProcess.Lifetime#BOUND_TO_JVM}
   * it first takes the machine-wide lock on port 10000, waiting for another test JVM to release it.
   */
  public static AzuriteServer start(Path dir, ServerProcess.Lifetime lifetime) throws IOException {
    Path main = home().resolve("node_modules/azurite/dist/src/blob/main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException("Cannot start Azurite: " + main + " is missing. Install it with"
          + " `bin/test-servers install` (npm install azurite@" + VERSION + " into " + home() + "), or set"
          + " LEPTON_AZURITE_HOME to a folder where it is installed.");
    }
    FileChannel lock = lifetime == ServerProcess.Lifetime.BOUND_TO_JVM ? lockPort() : null;
    try {
      if (Ports.isListening(PORT)) {
        throw new IOException("Cannot start Azurite: something already listens on 127.0.0.1:" + PORT
            + ", the port hadoop-azure's emulator mode requires. Stop it (for example `bin/test-servers stop`).");
      }
      Path location = dir.resolve("store");
      Files.createDirectories(location);
      List<String> command = List.of("node", main.toString(),
          "--blobHost", Ports.LOOPBACK, "--blobPort", Integer.toString(PORT),
          "--location", location.toString(), "--disableTelemetry", "--silent");
      ServerProcess process =
          ServerProcess.start("Azurite", command, dir.resolve("azurite.log"), PORT, START_DEADLINE, lifetime);
      return new AzuriteServer(process, lock);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  private static FileChannel lockPort() throws IOException {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "lepton-azurite-" + PORT + ".lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    CompletableFuture<FileLock> lock = CompletableFuture.supplyAsync(() -> {
      try {
        return channel.lock();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      lock.get(LOCK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      return channel;
    } catch (TimeoutException | ExecutionException e) {
      channel.close();
      throw new IOException("Cannot take the lock " + file + " on port " + PORT + " within "
          + LOCK_DEADLINE.toMinutes() + " min: another test JVM holds it.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new IOException("Interrupted while waiting for the lock " + file, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Returns the URI of a folder in a container, e.g. {@code wasb://c@storageemulator/folder}. */
  public static String uri(String container, String folder) {
    return "wasb://" + container + "@" + ACCOUNT + "/" + folder;
  }

  /**
   * Returns WASB settings: the emulator account name makes the connector use the loopback endpoint
   * and the SDK's development key, so it neither resolves {@code *.blob.core.windows.net} nor needs
   * a real account key; few retries make a broken server fail a test in seconds.
   */
  public static Map<String, String> hadoopConf() {
    return Map.of(
        "fs.azure.storage.emulator.account.name", ACCOUNT,
        "fs.azure.io.retry.max.retries", "2",
        "fs.azure.io.retry.max.backoff.interval", "1000");
  }

  /**
   * Uploads each object as the block blob {@code PREFIX+NAME} of a container (created if missing),
   * with one Put Blob request of the Azure storage SDK that hadoop-azure uses. WASB's create sends
   * several requests per file. The SDK's development account connects to this server only.
   */
  public static void uploadBlobs(String container, String prefix, List<String> names) throws Exception {
    CloudBlobContainer blobs =
        CloudStorageAccount.getDevelopmentStorageAccount().createCloudBlobClient().getContainerReference(container);
    blobs.createIfNotExists();
    ObjectSeeding.parallelWrites(names, name -> {
      byte[] body = ObjectSeeding.body(name);
      blobs.getBlockBlobReference(prefix + name).uploadFromByteArray(body, 0, body.length);
    });
  }

  @Override
  public void close() throws IOException {
    try {
      process.close();
    } finally {
      if (lockChannel != null) {
        lockChannel.close();
      }
    }
  }

  /** Runs Azurite until the JVM is stopped: {@code AzuriteServer DIR}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: AzuriteServer DIR");
      System.exit(2);
    }
    try (AzuriteServer server = start(Path.of(args[0]), ServerProcess.Lifetime.BOUND_TO_JVM)) {
      System.out.println("Azurite listens on http://127.0.0.1:" + PORT + " (pid " + server.pid() + ")");
      new java.util.concurrent.CountDownLatch(1).await();
    }
  }
}
