package dev.lepton.migrate.store;

import com.amazonaws.services.s3.AmazonS3;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.s3a.AWSCredentialProviderList;
import org.apache.hadoop.fs.s3a.Constants;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import org.apache.hadoop.fs.s3a.S3AUtils;
import org.apache.hadoop.fs.s3a.S3ClientFactory;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Builds AWS SDK v1 clients the way the S3A connector (hadoop-aws 3.3.4) builds its own: per-bucket
 * options, the connector's client factory ({@code fs.s3a.s3.client.factory.impl}), its endpoint,
 * region, path-style and connection settings, and its credential providers. The job needs its own
 * client only for calls the connector does not offer, such as a conditional put.
 */
final class S3Clients {
  private static final Map<String, AmazonS3> CLIENTS = new ConcurrentHashMap<>();

  private S3Clients() {}

  /** Returns a client for the bucket of {@code fs}, shared by every caller with the same settings. */
  static AmazonS3 forFileSystem(FileSystem fs) throws IOException {
    URI bucketUri = URI.create(fs.getUri().getScheme() + "://" + fs.getUri().getAuthority());
    Configuration conf = S3AUtils.propagateBucketOptions(fs.getConf(), bucketUri.getHost());
    String key = bucketUri + "|" + endpoint(conf) + "|" + pathStyle(conf) + "|"
        + conf.getTrimmed(Constants.AWS_CREDENTIALS_PROVIDER, "") + "|"
        + conf.getTrimmed(Constants.AWS_REGION, "");
    AmazonS3 client = CLIENTS.get(key);
    if (client == null) {
      client = create(fs, bucketUri, conf);
      AmazonS3 raced = CLIENTS.putIfAbsent(key, client);
      if (raced != null) {
        client.shutdown();
        client = raced;
      }
    }
    return client;
  }

  static AmazonS3 create(FileSystem fs, URI bucketUri, Configuration conf) throws IOException {
    AWSCredentialProviderList credentials = fs instanceof S3AFileSystem s3a
        ? s3a.shareCredentials("lepton-migrate conditional put")
        : S3AUtils.createAWSCredentialProviderSet(bucketUri, conf);
    Class<? extends S3ClientFactory> factoryType = conf.getClass(Constants.S3_CLIENT_FACTORY_IMPL,
        Constants.DEFAULT_S3_CLIENT_FACTORY_IMPL, S3ClientFactory.class);
    S3ClientFactory factory = ReflectionUtils.newInstance(factoryType, conf);
    S3ClientFactory.S3ClientCreationParameters parameters =
        new S3ClientFactory.S3ClientCreationParameters()
            .withCredentialSet(credentials)
            .withEndpoint(endpoint(conf))
            .withPathStyleAccess(pathStyle(conf))
            .withUserAgentSuffix("lepton-migrate")
            .withRequesterPays(conf.getBoolean("fs.s3a.requester.pays.enabled", false));
    return factory.createS3Client(bucketUri, parameters);
  }

  private static String endpoint(Configuration conf) {
    return conf.getTrimmed(Constants.ENDPOINT, Constants.DEFAULT_ENDPOINT);
  }

  private static boolean pathStyle(Configuration conf) {
    return conf.getBoolean(Constants.PATH_STYLE_ACCESS, false);
  }
}
