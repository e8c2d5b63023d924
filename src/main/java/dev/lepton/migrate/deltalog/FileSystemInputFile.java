package dev.lepton.migrate.deltalog;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet input file read through a given {@link FileSystem}, so that checkpoints are read with
 * the same store settings, and the same wrappers in tests, as the rest of the log.
 */
final class FileSystemInputFile implements InputFile {
  private final FileSystem fs;
  private final Path path;
  private long length = -1;

  FileSystemInputFile(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      length = fs.getFileStatus(path).getLen();
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return HadoopStreams.wrap(fs.open(path));
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
