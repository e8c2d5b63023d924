package dev.lepton.migrate.plan;

import com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.GoogleCloudStorage;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.GoogleCloudStorageItemInfo;
import com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.gcsio.ListObjectOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists a GCS folder one page of {@code objects.list} at a time. The GCS connector 2.2.26 implements
 * only {@code listStatus}, so Hadoop's {@code listStatusIterator} and {@code listFiles} read every
 * page of a folder before returning its first entry, and a folder of millions of objects would be
 * held in memory. This class keeps one page (at most {@code fs.gs.list.max.items.per.call} items).
 */
final class GcsObjectListing implements RemoteIterator<FileStatus> {
  private final GoogleCloudStorage gcs;
  private final String bucket;
  private final String prefix;
  private final ListObjectOptions options;
  private final boolean recursive;
  private final long blockSize;
  private Iterator<GoogleCloudStorageItemInfo> page;
  private String nextPageToken;
  private boolean lastPage;
  private FileStatus next;

  private GcsObjectListing(GoogleHadoopFileSystem fs, Path folder, boolean recursive) {
    this.gcs = fs.getGcsFs().getGcs();
    URI uri = fs.makeQualified(folder).toUri();
    this.bucket = uri.getHost();
    String object = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
    this.prefix = object.isEmpty() || object.endsWith("/") ? object : object + "/";
    this.options = recursive ? ListObjectOptions.DEFAULT_FLAT_LIST : ListObjectOptions.DEFAULT;
    this.recursive = recursive;
    this.blockSize = fs.getDefaultBlockSize(folder);
  }

  /** Returns whether {@code fs} is the GCS connector, without loading its classes elsewhere. */
  static boolean appliesTo(FileSystem fs) {
    return fs.getClass().getName().equals("com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem");
  }

  /**
   * Lists the entries directly in {@code folder} (files and sub-folders) or, with {@code
   * recursive}, every file below it. Directory marker objects never come out as files.
   */
  static RemoteIterator<FileStatus> list(FileSystem fs, Path folder, boolean recursive) {
    return new GcsObjectListing((GoogleHadoopFileSystem) fs, folder, recursive);
  }

  @Override
  public boolean hasNext() throws IOException {
    while (next == null) {
      if (page == null || !page.hasNext()) {
        if (lastPage) {
          return false;
        }
        GoogleCloudStorage.ListPage<GoogleCloudStorageItemInfo> listed =
            gcs.listObjectInfoPage(bucket, prefix, options, nextPageToken);
        page = listed.getItems().iterator();
        nextPageToken = listed.getNextPageToken();
        lastPage = nextPageToken == null || nextPageToken.isEmpty();
        continue;
      }
      next = toStatus(page.next());
    }
    return true;
  }

  @Override
  public FileStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    FileStatus status = next;
    next = null;
    return status;
  }

  /** Returns the status of one listed item, or null for the folder's own marker and, when recursive, other markers. */
  private FileStatus toStatus(GoogleCloudStorageItemInfo item) throws IOException {
    String name = item.getObjectName();
    if (name == null || name.equals(prefix)) {
      return null;
    }
    boolean directory = name.endsWith("/");
    if (directory && recursive) {
      return null;
    }
    String path = "/" + (directory ? name.substring(0, name.length() - 1) : name);
    try {
      Path hadoopPath = new Path(new URI("gs", bucket, path, null));
      return new FileStatus(directory ? 0 : item.getSize(), directory, 1, blockSize, item.getModificationTime(),
          hadoopPath);
    } catch (URISyntaxException e) {
      throw new IOException("Cannot build a path for gs://" + bucket + "/" + name + ": " + e.getMessage(), e);
    }
  }
}
