package dev.lepton.migrate.deltalog;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Delta's interval table properties, such as {@code delta.deletedFileRetentionDuration =
 * 'interval 1 week'}: an optional {@code interval} keyword, then one or more number-unit pairs.
 * Months and years are not accepted, because their length varies.
 */
final class RetentionDuration {
  /** Delta's default for {@code delta.deletedFileRetentionDuration}. */
  static final Duration DEFAULT_DELETED_FILE_RETENTION = Duration.ofDays(7);

  private static final Pattern PAIR = Pattern.compile("(-?\\d+)\\s*([a-z]+)");

  private RetentionDuration() {}

  /**
   * Returns the duration the property value gives.
   *
   * @throws IllegalArgumentException when the value is not an interval of weeks, days, hours,
   *     minutes, seconds, milliseconds or microseconds
   */
  static Duration parse(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.startsWith("interval")) {
      text = text.substring("interval".length()).trim();
    }
    Matcher m = PAIR.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    boolean any = false;
    while (m.find()) {
      if (!text.substring(end, m.start()).isBlank()) {
        break;
      }
      total = total.plus(unit(m.group(2), value).multipliedBy(Long.parseLong(m.group(1))));
      end = m.end();
      any = true;
    }
    if (!any || !text.substring(end).isBlank()) {
      throw new IllegalArgumentException("'" + value + "' is not an interval such as 'interval 7 days'");
    }
    return total;
  }

  private static Duration unit(String unit, String value) {
    String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    return switch (singular) {
      case "week" -> Duration.ofDays(7);
      case "day" -> Duration.ofDays(1);
      case "hour" -> Duration.ofHours(1);
      case "minute" -> Duration.ofMinutes(1);
      case "second" -> Duration.ofSeconds(1);
      case "millisecond" -> Duration.ofMillis(1);
      case "microsecond" -> Duration.ofNanos(1000);
      default -> throw new IllegalArgumentException(
          "'" + value + "' has the unit '" + unit + "'; use weeks, days, hours, minutes or seconds");
    };
  }
}
