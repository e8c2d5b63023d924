package dev.lepton.migrate.copy;

import com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.GoogleCloudStorage;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.GoogleCloudStorageItemInfo;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.StorageResourceId;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.VerificationAttributes;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.store.StoreChecksum;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Copies a GCS object to another name of the same service with the connector's copy, which sends
 * {@code objects.rewrite} requests (or {@code objects.copy} with {@code fs.gs.copy.with.rewrite.enable
 * = false}) and follows rewrite tokens until the service reports the copy done.
 *
 * <p>The connector's rewrite takes no source precondition, so the source is checked around it:
 * before the copy its size and update time must still be those the plan listed, and the CRC32C the
 * service holds for it is kept; the caller then reads the target back, and the CRC32C of those
 * bytes must equal it. A source replaced during the copy therefore fails the check and is copied
 * again, never recorded as equal.
 *
 * <p>The service may need several rewrite calls for one object. The project's GCS test server
 * splits a rewrite only by {@code maxBytesRewrittenPerCall}, which the connector sends from {@code
 * fs.gs.rewrite.max.bytes.per.call} (512 MiB by default in gcs-connector 2.2.26), and the tests run
 * the token loop with 1 MiB per call.
 */
final class GcsServerSideCopy implements ServerSideCopy {
  private final GoogleCloudStorage gcs;

  private GcsServerSideCopy(GoogleCloudStorage gcs) {
    this.gcs = gcs;
  }

  /**
   * Returns a copier when both file systems are GCS connectors of the same service root URL and
   * the same authentication settings, else null.
   */
  static GcsServerSideCopy between(FileSystem source, FileSystem target) {
    if (!(source instanceof GoogleHadoopFileSystem gcsSource) || !(target instanceof GoogleHadoopFileSystem gcsTarget)) {
      return null;
    }
    if (!sameService(gcsSource.getConf(), gcsTarget.getConf())) {
      return null;
    }
    return new GcsServerSideCopy(gcsTarget.getGcsFs().getGcs());
  }

  private static boolean sameService(Configuration source, Configuration target) {
    return Objects.equals(source.getTrimmed("fs.gs.storage.root.url"), target.getTrimmed("fs.gs.storage.root.url"))
        && Objects.equals(source.getTrimmed("fs.gs.storage.service.path"),
            target.getTrimmed("fs.gs.storage.service.path"))
        && source.getPropsWithPrefix("fs.gs.auth.").equals(target.getPropsWithPrefix("fs.gs.auth."));
  }

  @Override
  public boolean accepts(FileEntry source) {
    return true;
  }

  @Override
  public StoreChecksum.Available copy(Path source, Path target, FileEntry planned) throws IOException {
    StorageResourceId from = resourceId(source);
    GoogleCloudStorageItemInfo info = gcs.getItemInfo(from);
    if (!info.exists()) {
      throw new FileNotFoundException(source.toString());
    }
    if (info.getSize() != planned.size() || info.getModificationTime() != planned.modificationTime()) {
      throw new FileNotFoundException("source " + source + " changed since it was listed (now " + info.getSize()
          + " bytes, updated at " + info.getModificationTime() + " ms; listed " + planned.size() + " bytes, "
          + planned.modificationTime() + " ms)");
    }
    VerificationAttributes attributes = info.getVerificationAttributes();
    if (attributes == null || attributes.getCrc32c() == null || attributes.getCrc32c().length != 4) {
      throw new IOException("GCS reported no crc32c for " + source + ", so a server-side copy of it cannot be"
          + " checked. Set migration.copy.server-side-copy = false to copy it through the job.");
    }
    gcs.copy(Map.of(from, resourceId(target)));
    return new StoreChecksum.Available("gcs crc32c", ChecksumAlgorithm.CRC32C,
        HexFormat.of().formatHex(attributes.getCrc32c()));
  }

  @Override
  public String checkDescription() {
    return "source gcs crc32c match (target read back)";
  }

  private static StorageResourceId resourceId(Path path) {
    String object = path.toUri().getPath();
    return new StorageResourceId(path.toUri().getHost(), object.startsWith("/") ? object.substring(1) : object);
  }
}
