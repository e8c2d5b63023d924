package dev.lepton.migrate.testing.abfs;

import dev.lepton.migrate.testing.http.LoopbackTestServer;
import dev.lepton.migrate.testing.http.LoopbackTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * An Azure Data Lake Storage Gen2 (DFS endpoint, hierarchical namespace) server on 127.0.0.1 for
 * tests, faithful enough for the real {@code AzureBlobFileSystem} of hadoop-azure 3.3.4 to run
 * unchanged against it.
 *
 * <p>Served calls:
 *
 * <ul>
 *   <li>filesystems: create, get and set properties, delete, and List Paths (directory, recursive,
 *       maxResults up to 5,000, continuation);
 *   <li>path create ({@code resource=file|directory}, {@code If-None-Match: *}, {@code If-Match})
 *       and rename ({@code x-ms-rename-source});
 *   <li>append at a position, in any order, and flush (contiguity and position checked, {@code
 *       retainUncommittedData}, {@code close});
 *   <li>read with {@code Range} and {@code If-Match}, HEAD (getStatus, getAccessControl),
 *       setProperties, setAccessControl, recursive delete;
 *   <li>leases (acquire, renew, change, release, break), enforced on writes.
 * </ul>
 *
 * <p>Directories with more entries than {@link #setDirectoryBatchSize(int)} are renamed and deleted
 * over several calls joined by {@code x-ms-continuation}. Requests must carry a valid Shared Key
 * signature for account {@link #ACCOUNT} with key {@link #ACCOUNT_KEY}.
 *
 * <p>File bodies are files under {@code rootDir/blobs}, streamed in and out. Metadata is in memory
 * and lost on {@link #close()}.
 *
 * <p>Settings ({@link #hadoopConf()}): the driver builds its URL from the account's host unless
 * {@code fs.azure.abfs.endpoint} is an {@code IP:PORT}. Then it sends plain HTTP (with {@code
 * fs.azure.always.use.https=false} and an {@code abfs://} URI) to that address, with the account
 * name as the first path segment, and never resolves {@code ACCOUNT.dfs.core.windows.net}. The
 * URI of a filesystem is {@code abfs://FILESYSTEM@leptontest.dfs.core.windows.net/}. The account
 * key is {@code fs.azure.account.key.leptontest.dfs.core.windows.net}, and {@code
 * fs.azure.account.hns.enabled=true} spares the namespace probe.
 */
public final class AbfsTestServer extends LoopbackTestServer<AbfsCall> {
  /** The only storage account this server serves. */
  public static final String ACCOUNT = "leptontest";

  /** The account's host name in {@code abfs://} URIs. The driver never resolves it. */
  public static final String ACCOUNT_HOST = ACCOUNT + ".dfs.core.windows.net";

  /** A fixed test key (base64 of "lepton-migrate-abfs-test-server-key"), not a real credential. */
  public static final String ACCOUNT_KEY = "bGVwdG9uLW1pZ3JhdGUtYWJmcy10ZXN0LXNlcnZlci1rZXk=";

  private final DfsNamespace namespace;
  private final TreeChanges treeChanges;

  private final boolean tls;

  private AbfsTestServer(Path rootDir, DfsNamespace namespace, int port, SSLContext tls) throws IOException {
    super("ABFS", AbfsCall.class, port, tls);
    this.tls = tls != null;
    this.namespace = namespace;
    this.treeChanges = new TreeChanges(namespace);
    SharedKeyAuthenticator authenticator = new SharedKeyAuthenticator(ACCOUNT, ACCOUNT_KEY);
    serve(new AbfsRouter(namespace, treeChanges, authenticator, calls(), faults()), rootDir);
  }

  /** Starts a server on a free port, storing file bodies under {@code rootDir}. */
  public static AbfsTestServer start(Path rootDir) throws IOException {
    return start(rootDir, 0);
  }

  /** Starts a server on {@code port} (0 for a free one), storing file bodies under {@code rootDir}. */
  public static AbfsTestServer start(Path rootDir, int port) throws IOException {
    return new AbfsTestServer(rootDir, new DfsNamespace(rootDir), port, null);
  }

  /**
   * Starts a server on a free port that speaks HTTPS with {@link LoopbackTls}'s certificate, for
   * {@code abfss://} URIs, which the driver sends over TLS only.
   */
  public static AbfsTestServer startTls(Path rootDir) throws IOException {
    return new AbfsTestServer(rootDir, new DfsNamespace(rootDir), 0, LoopbackTls.serverContext());
  }

  /** Creates a filesystem (container); the driver does not create one unless configured to. */
  public AbfsTestServer createFilesystem(String filesystem) {
    namespace.createFilesystem(filesystem, null);
    return this;
  }

  /**
   * Writes a file directly, creating missing parents, as a create, append and flush would, without
   * counting requests. Tests use it to seed many files quickly.
   */
  public void putFile(String filesystem, String path, byte[] content) throws IOException {
    String normalized = PathCodec.normalize(path);
    namespace.create(
        filesystem, normalized, new DfsNamespace.CreateOptions(false, null, null, null, null, null, null));
    Path data = namespace.newBlobPath();
    Files.write(data, content);
    FileContents contents = new FileContents(namespace);
    contents.append(filesystem, normalized, 0, data, content.length, null);
    contents.flush(filesystem, normalized, content.length, false, null);
  }

  /** Returns every path of a filesystem but its root, in path order, without leading slashes. */
  public List<String> paths(String filesystem) {
    synchronized (namespace) {
      return namespace.filesystem(filesystem).entries.keySet().stream().filter(path -> !path.isEmpty()).toList();
    }
  }

  /** Returns the URI of a filesystem's root, for {@code FileSystem.get}. */
  public static String uri(String filesystem) {
    return "abfs://" + filesystem + "@" + ACCOUNT_HOST + "/";
  }

  /** Returns the URI of a filesystem's root on this server: {@code abfss://} when it speaks HTTPS. */
  public String rootUri(String filesystem) {
    return (tls ? "abfss://" : "abfs://") + filesystem + "@" + ACCOUNT_HOST + "/";
  }

  /**
   * Sets how many entries one rename or delete call moves or removes in a directory before it
   * responds with a continuation token. The default is no limit.
   */
  public void setDirectoryBatchSize(int entries) {
    treeChanges.setBatchSize(entries);
  }

  /**
   * Returns the driver settings that point {@code abfs://...@leptontest.dfs.core.windows.net} at
   * this server with Shared Key authentication. Add {@code fs.azure.list.max.results} to exercise
   * listing pages.
   */
  @Override
  public Map<String, String> hadoopConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.abfs.impl", "org.apache.hadoop.fs.azurebfs.AzureBlobFileSystem");
    conf.put("fs.AbstractFileSystem.abfs.impl", "org.apache.hadoop.fs.azurebfs.Abfs");
    conf.put("fs.abfss.impl", "org.apache.hadoop.fs.azurebfs.SecureAzureBlobFileSystem");
    conf.put("fs.AbstractFileSystem.abfss.impl", "org.apache.hadoop.fs.azurebfs.Abfss");
    conf.put("fs.azure.abfs.endpoint", "127.0.0.1:" + port());
    conf.put("fs.azure.always.use.https", Boolean.toString(tls));
    conf.put("fs.azure.account.auth.type", "SharedKey");
    conf.put("fs.azure.account.key." + ACCOUNT_HOST, ACCOUNT_KEY);
    conf.put("fs.azure.account.hns.enabled", "true");
    return Map.copyOf(conf);
  }

  /**
   * Runs a server until SIGTERM: {@code AbfsTestServer PORT ROOT_DIR [FILESYSTEM...]}. Prints the
   * port it listens on as the only line on standard output.
   */
  public static void main(String[] args) throws Exception {
    runUntilTerminated(
        args, "AbfsTestServer PORT ROOT_DIR [FILESYSTEM...]", AbfsTestServer::start, AbfsTestServer::createFilesystem);
  }
}
