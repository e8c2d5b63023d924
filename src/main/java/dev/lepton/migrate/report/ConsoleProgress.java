package dev.lepton.migrate.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live progress line on the driver: files and bytes done of the total, rate and ETA. On a
 * terminal the line is redrawn in place every interval (at least 1 s). When the output is a file or
 * a pipe, as under a scheduler, a full line is printed every 30 intervals, so logs stay readable.
 */
public final class ConsoleProgress implements AutoCloseable {
  private final String phase;
  private final long totalFiles;
  private final long totalBytes;
  private final LongSupplier filesDone;
  private final LongSupplier bytesDone;
  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;
  private long ticks;

  public ConsoleProgress(
      String phase, long totalFiles, long totalBytes, LongSupplier filesDone, LongSupplier bytesDone,
      PrintStream out, Duration interval) {
    this.phase = phase;
    this.totalFiles = totalFiles;
    this.totalBytes = totalBytes;
    this.filesDone = filesDone;
    this.bytesDone = bytesDone;
    this.out = out;
    this.terminal = System.console() != null;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "lepton-progress");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1000, interval.toMillis());
    timer.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    ticks++;
    if (terminal) {
      out.print("\r" + line() + "   ");
      out.flush();
    } else if (ticks % 30 == 0) {
      out.println(line());
    }
  }

  /** Renders the current line, e.g. "Copy: 120/400 files, 1.2 GiB/3.0 GiB, 85.1 MB/s, ETA 21.0 s". */
  public String line() {
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    long bytes = Math.min(bytesDone.getAsLong(), totalBytes);
    long files = Math.min(filesDone.getAsLong(), totalFiles);
    String eta = "-";
    if (bytes > 0 && elapsed > 0 && totalBytes > bytes) {
      eta = Units.duration((long) ((totalBytes - bytes) * (elapsed / (double) bytes)));
    } else if (totalBytes > 0 && bytes >= totalBytes) {
      eta = "0 s";
    }
    return phase + ": " + Units.count(files) + "/" + Units.count(totalFiles, "file", "files") + ", "
        + Units.bytes(bytes) + "/" + Units.bytes(totalBytes) + ", " + Units.rate(bytes, elapsed)
        + ", ETA " + eta;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (terminal && ticks > 0) {
      out.print("\r" + line() + "   \n");
      out.flush();
    }
  }
}
