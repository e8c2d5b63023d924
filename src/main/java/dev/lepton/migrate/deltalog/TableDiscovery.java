package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.store.Location;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Finds Delta tables below a root: every folder that contains a {@code _delta_log} folder. Reads one
 * folder level at a time, never descends into a table, and leaves out the given folders (the state
 * and staging folders), hidden folders and Hadoop's {@code _temporary} folders.
 *
 * <p>NOTE: the walk lists one folder per request on the driver, so a tree of many thousands of
 * non-table folders takes as many requests. A sync walks the source also when {@code
 * migration.sync.tables} names the tables, because the listing diff must leave every table out.
 */
public final class TableDiscovery {
  private TableDiscovery() {}

  /**
   * The result of a discovery.
   *
   * @param tables the tables' folders relative to the root, sorted; "" stands for the root itself
   * @param otherContent whether anything outside the tables may hold files: a file seen outside
   *     them, or a folder left unread at the depth limit
   */
  public record Discovered(List<String> tables, boolean otherContent) {
    public Discovered {
      tables = List.copyOf(tables);
    }
  }

  /** Finds the tables below {@code root}, reading at most {@code maxDepth} levels below it. */
  public static Discovered discover(FileSystem fs, Location root, List<String> skippedFolders, int maxDepth) {
    TreeSet<String> tables = new TreeSet<>();
    boolean otherContent = false;
    List<String> level = List.of("");
    for (int depth = 0; depth <= maxDepth && !level.isEmpty(); depth++) {
      List<String> next = new ArrayList<>();
      for (String folder : level) {
        List<String> children = new ArrayList<>();
        boolean isTable = false;
        boolean hasFiles = false;
        for (FileStatus status : list(fs, root, folder)) {
          String name = status.getPath().getName();
          if (!status.isDirectory()) {
            hasFiles |= !name.startsWith(".") || !name.endsWith(".crc");
            continue;
          }
          if (name.equals("_delta_log")) {
            isTable = true;
          } else if (!name.startsWith(".") && !name.equals("_temporary")) {
            String child = folder.isEmpty() ? name : folder + "/" + name;
            if (!skipped(child, skippedFolders)) {
              children.add(child);
            }
          }
        }
        if (isTable) {
          tables.add(folder);
        } else {
          otherContent |= hasFiles;
          next.addAll(children);
        }
      }
      level = next;
    }
    return new Discovered(List.copyOf(tables), otherContent || !level.isEmpty());
  }

  /** Returns whether {@code folder} below {@code root} contains a {@code _delta_log} folder. */
  public static boolean isTable(FileSystem fs, Location root, String folder) {
    try {
      return fs.getFileStatus(root.resolve(folder.isEmpty() ? "_delta_log" : folder + "/_delta_log")).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + root.resolve(folder) + ": " + e.getMessage(), e);
    }
  }

  private static boolean skipped(String folder, List<String> skippedFolders) {
    return skippedFolders.stream().anyMatch(s -> folder.equals(s) || folder.startsWith(s + "/"));
  }

  private static FileStatus[] list(FileSystem fs, Location root, String folder) {
    try {
      return fs.listStatus(root.resolve(folder));
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root.resolve(folder) + ": " + e.getMessage(), e);
    }
  }
}
