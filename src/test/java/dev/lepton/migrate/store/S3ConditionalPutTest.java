package dev.lepton.migrate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.testing.FakeS3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 conditional put, sent through a real S3A file system and AWS SDK client to a loopback test
 * double that honours {@code If-None-Match: *}. The requests reaching the double show that the
 * client took the endpoint and path style from the Hadoop settings.
 */
class S3ConditionalPutTest {
  private FakeS3Server server;
  private FileSystem fs;

  @BeforeEach
  void start() throws IOException {
    server = new FakeS3Server();
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    conf.set("fs.s3a.endpoint", server.endpoint());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.setBoolean("fs.s3a.path.style.access", true);
    conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
    conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider");
    conf.setInt("fs.s3a.bucket.probe", 0);
    conf.setInt("fs.s3a.attempts.maximum", 1);
    conf.setInt("fs.s3a.retry.limit", 1);
    conf.set("fs.s3a.multipart.threshold", "5M");
    conf.set("fs.s3a.multipart.size", "5M");
    fs = FileSystem.newInstance(URI.create("s3a://lake/"), conf);
  }

  @AfterEach
  void stop() throws IOException {
    fs.close();
    server.close();
  }

  @Test
  void smallObjectIsPutWithIfNoneMatch() throws IOException {
    CreateIfAbsent strategy = CreateIfAbsent.forStore(fs);
    byte[] commit = "{\"commitInfo\":{}}\n".getBytes();

    ((CreateIfAbsent.Direct) strategy).write(new Path("s3a://lake/table/_delta_log/00000000000000000000.json"),
        new ByteArrayInputStream(commit), commit.length, new byte[4096]);

    assertThat(strategy).isInstanceOf(S3ConditionalPut.class);
    assertThat(server.object("lake", "table/_delta_log/00000000000000000000.json")).isEqualTo(commit);
    assertThat(server.requests()).containsExactly(new FakeS3Server.Request(
        "PUT", "/lake/table/_delta_log/00000000000000000000.json", "", "*"));
  }

  @Test
  void existingKeyRaisesFileAlreadyExists() throws IOException {
    CreateIfAbsent.Direct strategy = (CreateIfAbsent.Direct) CreateIfAbsent.forStore(fs);
    Path target = new Path("s3a://lake/table/_delta_log/00000000000000000001.json");
    byte[] first = "first".getBytes();
    byte[] second = "second".getBytes();
    strategy.write(target, new ByteArrayInputStream(first), first.length, new byte[4096]);

    assertThatThrownBy(() -> strategy.write(target, new ByteArrayInputStream(second), second.length, new byte[4096]))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("File exists: s3a://lake/table/_delta_log/00000000000000000001.json")
        .hasMessageContaining("412");
    assertThat(server.object("lake", "table/_delta_log/00000000000000000001.json")).isEqualTo(first);
  }

  @Test
  void largeObjectCompletesMultipartUploadConditionally() throws IOException {
    CreateIfAbsent.Direct strategy = (CreateIfAbsent.Direct) CreateIfAbsent.forStore(fs);
    Path target = new Path("s3a://lake/table/_delta_log/00000000000000000010.checkpoint.parquet");
    byte[] checkpoint = new byte[11 << 20];
    new Random(7).nextBytes(checkpoint);

    strategy.write(target, new ByteArrayInputStream(checkpoint), checkpoint.length, new byte[4096]);

    assertThat(server.object("lake", "table/_delta_log/00000000000000000010.checkpoint.parquet")).isEqualTo(checkpoint);
    assertThat(server.requests()).extracting(FakeS3Server.Request::method)
        .containsExactly("POST", "PUT", "PUT", "PUT", "POST");
    FakeS3Server.Request complete = server.requests().get(4);
    assertThat(complete.query()).startsWith("uploadId=");
    assertThat(complete.ifNoneMatch()).isEqualTo("*");
  }

  @Test
  void rejectedMultipartUploadIsAborted() throws IOException {
    CreateIfAbsent.Direct strategy = (CreateIfAbsent.Direct) CreateIfAbsent.forStore(fs);
    Path target = new Path("s3a://lake/big.bin");
    byte[] bytes = new byte[6 << 20];
    strategy.write(target, new ByteArrayInputStream(bytes), bytes.length, new byte[4096]);

    assertThatThrownBy(() -> strategy.write(target, new ByteArrayInputStream(bytes), bytes.length, new byte[4096]))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("File exists: s3a://lake/big.bin");
    assertThat(server.requests().get(server.requests().size() - 1).method()).isEqualTo("DELETE");
  }
}
