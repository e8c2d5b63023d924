package dev.lepton.migrate.copy;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.AbortMultipartUploadRequest;
import com.amazonaws.services.s3.model.CompleteMultipartUploadRequest;
import com.amazonaws.services.s3.model.CopyObjectRequest;
import com.amazonaws.services.s3.model.CopyPartRequest;
import com.amazonaws.services.s3.model.InitiateMultipartUploadRequest;
import com.amazonaws.services.s3.model.PartETag;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.store.PartSizing;
import dev.lepton.migrate.store.StoreChecksum;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileSystem;

/**
 * Copies an S3 object to another key of the same endpoint without moving its bytes through the job:
 * one CopyObject request up to 5 GiB, UploadPartCopy ranges above. Each request carries the source
 * etag the plan saw as a precondition, so a source changed since the listing fails the copy instead
 * of copying other bytes.
 *
 * <p>Only objects whose etag is an MD5 (single-part, not KMS-encrypted) are copied this way: the
 * caller reads the target back, and the MD5 of those bytes must equal that etag.
 */
final class S3ServerSideCopy implements ServerSideCopy {
  private final AmazonS3 client;
  private final long partSize;

  private S3ServerSideCopy(AmazonS3 client, long partSize) {
    this.client = client;
    this.partSize = partSize;
  }

  /** Returns a copier when both file systems are S3A clients of the same endpoint, else null. */
  static S3ServerSideCopy between(FileSystem source, FileSystem target) {
    if (!(source instanceof S3AFileSystem s3Source) || !(target instanceof S3AFileSystem s3Target)) {
      return null;
    }
    String sourceEndpoint = endpoint(s3Source);
    if (!sourceEndpoint.equals(endpoint(s3Target))) {
      return null;
    }
    long configured = target.getConf().getLongBytes("fs.s3a.multipart.size", 64L << 20);
    return new S3ServerSideCopy(s3Target.getAmazonS3ClientForTesting("server-side copy"), configured);
  }

  private static String endpoint(S3AFileSystem fs) {
    String bucket = fs.getBucket();
    String perBucket = fs.getConf().getTrimmed("fs.s3a.bucket." + bucket + ".endpoint");
    return (perBucket != null ? perBucket : fs.getConf().getTrimmed("fs.s3a.endpoint", "")).toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean accepts(FileEntry source) {
    return source.etag() != null && source.etag().matches("[0-9a-fA-F]{32}");
  }

  @Override
  public StoreChecksum.Available copy(Path source, Path target, FileEntry planned) throws IOException {
    String sourceEtag = planned.etag();
    try {
      copyObject(source, target, planned.size(), sourceEtag);
      return new StoreChecksum.Available("s3 etag", ChecksumAlgorithm.MD5, sourceEtag.toLowerCase(Locale.ROOT));
    } catch (AmazonServiceException e) {
      if (e.getStatusCode() == 412) {
        throw new FileNotFoundException("source " + source + " changed since it was listed (etag " + sourceEtag + ")");
      }
      throw new IOException("Server-side copy of " + source + " failed: " + e.getErrorMessage(), e);
    }
  }

  @Override
  public String checkDescription() {
    return "source s3 etag md5 match (target read back)";
  }

  private void copyObject(Path source, Path target, long size, String sourceEtag) {
    String sourceBucket = source.toUri().getHost();
    String sourceKey = source.toUri().getPath().substring(1);
    String targetBucket = target.toUri().getHost();
    String targetKey = target.toUri().getPath().substring(1);
    if (size <= PartSizing.S3_MAX_SINGLE_COPY) {
      client.copyObject(new CopyObjectRequest(sourceBucket, sourceKey, targetBucket, targetKey)
          .withMatchingETagConstraint(sourceEtag));
      return;
    }
    long part = PartSizing.s3PartSize(size, partSize);
    String uploadId = client.initiateMultipartUpload(
        new InitiateMultipartUploadRequest(targetBucket, targetKey)).getUploadId();
    try {
      List<PartETag> parts = new ArrayList<>();
      int number = 1;
      for (long offset = 0; offset < size; offset += part, number++) {
        long last = Math.min(size, offset + part) - 1;
        parts.add(client.copyPart(new CopyPartRequest()
            .withSourceBucketName(sourceBucket).withSourceKey(sourceKey)
            .withDestinationBucketName(targetBucket).withDestinationKey(targetKey)
            .withUploadId(uploadId).withPartNumber(number)
            .withFirstByte(offset).withLastByte(last)
            .withMatchingETagConstraint(sourceEtag)).getPartETag());
      }
      client.completeMultipartUpload(new CompleteMultipartUploadRequest(targetBucket, targetKey, uploadId, parts));
    } catch (RuntimeException e) {
      client.abortMultipartUpload(new AbortMultipartUploadRequest(targetBucket, targetKey, uploadId));
      throw e;
    }
  }
}
