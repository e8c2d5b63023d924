package dev.lepton.migrate.deltalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.crypto.ParquetCryptoRuntimeException;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.ParquetDecodingException;

/** Reads the actions of a Parquet checkpoint part or sidecar file, one row at a time. */
final class ParquetActionReader {
  private final FileSystem fs;
  private final Path tableRoot;

  ParquetActionReader(FileSystem fs, Path tableRoot) {
    this.fs = fs;
    this.tableRoot = tableRoot;
  }

  /**
   * Passes each action of {@code file} whose type is in {@code actionTypes} to {@code sink}, in
   * file order. Only the columns of those action types are read.
   */
  void read(Path file, Set<String> actionTypes, Consumer<Action> sink) {
    Configuration conf = fs.getConf() == null ? new Configuration(false) : fs.getConf();
    ParquetReader.Builder<Group> builder =
        new ParquetReader.Builder<>(new FileSystemInputFile(fs, file)) {
          @Override
          protected ReadSupport<Group> getReadSupport() {
            return new CheckpointReadSupport(actionTypes);
          }
        };
    try (ParquetReader<Group> reader = builder.withConf(conf).build()) {
      long row = 0;
      Group group;
      while ((group = reader.read()) != null) {
        row++;
        try {
          Actions.parse(GroupJson.toJson(group)).ifPresent(sink);
        } catch (IllegalArgumentException e) {
          throw LogErrors.invalidCheckpointRow(tableRoot, file, row, e.getMessage());
        }
      }
    } catch (FileNotFoundException e) {
      throw LogErrors.fileVanished(tableRoot, file, e);
    } catch (IOException e) {
      throw LogErrors.readFailed(tableRoot, file, e);
    } catch (ParquetDecodingException | ParquetCryptoRuntimeException e) {
      throw LogErrors.invalidCheckpointFile(tableRoot, file, e);
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().contains("is not a Parquet file")) {
        throw LogErrors.invalidCheckpointFile(tableRoot, file, e);
      }
      throw e;
    }
  }
}
