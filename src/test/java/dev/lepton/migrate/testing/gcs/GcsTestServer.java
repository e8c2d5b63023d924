package dev.lepton.migrate.testing.gcs;

import dev.lepton.migrate.testing.http.LoopbackTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google Cloud Storage JSON API server on 127.0.0.1 for tests, faithful enough for the real
 * {@code GoogleHadoopFileSystem} (gcs-connector hadoop3-2.2.26) to run unchanged against it.
 *
 * <p>Served calls:
 *
 * <ul>
 *   <li>buckets: get, insert, delete;
 *   <li>objects: get, list (prefix, delimiter, includeTrailingDelimiter, maxResults up to 1,000,
 *       pageToken, startOffset, endOffset), patch, update, delete, copy, compose, and rewrite
 *       (split into calls with rewrite tokens by {@code maxBytesRewrittenPerCall});
 *   <li>media downloads with single ranges (206, 416);
 *   <li>uploads of type multipart, media and resumable (308 with {@code Range} until the last
 *       chunk, non-final chunks kept in multiples of 256 KiB);
 *   <li>batches.
 * </ul>
 *
 * <p>Objects have generations and metagenerations and honour {@code ifGenerationMatch} (0: must
 * not exist), {@code ifGenerationNotMatch}, {@code ifMetagenerationMatch} and {@code
 * ifMetagenerationNotMatch}. The server computes {@code crc32c} and {@code md5Hash} over the stored
 * bytes. Request bodies may be gzip-encoded. The {@code fields} parameter selects parts of JSON
 * responses.
 *
 * <p>Bodies are files under {@code rootDir/blobs}, streamed in and out. Only metadata is in memory,
 * and it is lost on {@link #close()}. Only the live generation of an object is kept.
 *
 * <p>Point the connector at it with {@link #hadoopConf()}: {@code fs.gs.storage.root.url}, {@code
 * fs.gs.storage.service.path=storage/v1/}, {@code fs.gs.project.id}, {@code
 * fs.gs.auth.service.account.enable=false} and {@code fs.gs.auth.null.enable=true}. With the last
 * two the connector sends no credentials, so it has no reason to contact a metadata server or token
 * endpoint. {@code GcsConnectorTest} checks that it connects to 127.0.0.1 only.
 */
public final class GcsTestServer extends LoopbackTestServer<GcsCall> {
  private final GcsObjectStore store;

  private GcsTestServer(Path rootDir, GcsObjectStore store, int port) throws IOException {
    super("GCS", GcsCall.class, port);
    this.store = store;
    serve(new GcsRouter(store, rootUrl(), calls(), faults()), rootDir);
  }

  /** Starts a server on a free port, storing object bodies under {@code rootDir}. */
  public static GcsTestServer start(Path rootDir) throws IOException {
    return start(rootDir, 0);
  }

  /** Starts a server on {@code port} (0 for a free one), storing object bodies under {@code rootDir}. */
  public static GcsTestServer start(Path rootDir, int port) throws IOException {
    return new GcsTestServer(rootDir, new GcsObjectStore(rootDir), port);
  }

  /** Returns the value for {@code fs.gs.storage.root.url}, ending with a slash. */
  public String rootUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Creates a bucket; the connector needs it to exist, as in the service. */
  public GcsTestServer createBucket(String bucket) {
    store.createBucket(bucket);
    return this;
  }

  /**
   * Stores an object directly, as a finished upload would, without counting a request. Tests use
   * it to seed many objects quickly.
   */
  public void putObject(String bucket, String name, byte[] content) throws IOException {
    Path blob = store.newBlobPath();
    BlobDigest digest = BlobFiles.write(new ByteArrayInputStream(content), blob);
    ObjectAttributes attributes =
        new ObjectAttributes(ObjectAttributes.DEFAULT_CONTENT_TYPE, null, null, null, null, Map.of());
    store.commit(bucket, name, blob, digest, null, attributes, Preconditions.NONE);
  }

  /** Returns the names of a bucket's objects in listing order. */
  public List<String> objectNames(String bucket) {
    return List.copyOf(store.objects(bucket).keySet());
  }

  /**
   * Returns the connector settings that point {@code gs://} at this server, without credentials.
   * Add {@code fs.gs.outputstream.upload.chunk.size} or {@code fs.gs.list.max.items.per.call} to
   * exercise resumable chunks and listing pages.
   */
  @Override
  public Map<String, String> hadoopConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.gs.impl", "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem");
    conf.put("fs.AbstractFileSystem.gs.impl", "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFS");
    conf.put("fs.gs.storage.root.url", rootUrl());
    conf.put("fs.gs.storage.service.path", "storage/v1/");
    conf.put("fs.gs.auth.service.account.enable", "false");
    conf.put("fs.gs.auth.null.enable", "true");
    conf.put("fs.gs.project.id", "test");
    // The default timeouts are long, so tests against a local server fail fast instead.
    conf.put("fs.gs.http.connect-timeout", "5000");
    conf.put("fs.gs.http.read-timeout", "30000");
    return Map.copyOf(conf);
  }

  /**
   * Runs a server until SIGTERM: {@code GcsTestServer PORT ROOT_DIR [BUCKET...]}. Prints the port
   * it listens on as the only line on standard output.
   */
  public static void main(String[] args) throws Exception {
    runUntilTerminated(
        args, "GcsTestServer PORT ROOT_DIR [BUCKET...]", GcsTestServer::start, GcsTestServer::createBucket);
  }
}
