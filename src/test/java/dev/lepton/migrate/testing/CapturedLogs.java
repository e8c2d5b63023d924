package dev.lepton.migrate.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the log events of this JVM at or above a level while open. It is attached to the root
 * logger, so it receives the events of every logger that forwards to the root, which all do unless
 * a config turns additivity off.
 */
public final class CapturedLogs implements AutoCloseable {
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final List<LogEvent> events = new ArrayList<>();
  private final AbstractAppender appender;

  public CapturedLogs(Level minimum) {
    appender = new AbstractAppender("captured-logs", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        synchronized (events) {
          events.add(event.toImmutable());
        }
      }
    };
    appender.start();
    context.getConfiguration().getRootLogger().addAppender(appender, minimum, null);
    context.updateLoggers();
  }

  /** Returns the messages captured so far, each as "LEVEL logger: message". */
  public List<String> lines() {
    synchronized (events) {
      return events.stream()
          .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getMessage().getFormattedMessage())
          .toList();
    }
  }

  @Override
  public void close() {
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
