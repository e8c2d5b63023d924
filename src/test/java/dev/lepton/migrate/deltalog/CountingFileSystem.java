package dev.lepton.migrate.deltalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** A file system wrapper that records which files are opened and which folders are listed. */
final class CountingFileSystem extends FilterFileSystem {
  final List<String> opened = new ArrayList<>();
  final List<String> listed = new ArrayList<>();

  CountingFileSystem(FileSystem fs) {
    super(fs);
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    opened.add(path.getName());
    return super.open(path, bufferSize);
  }

  @Override
  public RemoteIterator<FileStatus> listStatusIterator(Path path) throws IOException {
    listed.add(path.getName());
    return super.listStatusIterator(path);
  }

  @Override
  public FileStatus[] listStatus(Path path) throws FileNotFoundException, IOException {
    listed.add(path.getName());
    return super.listStatus(path);
  }
}
