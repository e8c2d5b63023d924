package dev.lepton.migrate.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Pseudo-random records for the CSV and JSON-lines raw files, UTF-8 encoded, one line each. The
 * values include multi-byte characters, commas and quotes, so that readers of the copies meet
 * quoting and escaping.
 */
final class TextRecords {
  static final byte[] CSV_HEADER = "id,name,city,amount,note\n".getBytes(StandardCharsets.UTF_8);

  private static final List<String> NAMES =
      List.of("Ada", "Björk", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gústav", "Hiroshi", "Ines");
  private static final List<String> CITIES =
      List.of("Zürich", "São Paulo", "東京", "Reykjavík", "New York, NY", "Kraków", "Montréal");
  private static final List<String> NOTES =
      List.of(
          "",
          "plain note",
          "say \"hi\"",
          "café crème",
          "🚀 launch",
          "100% done",
          "a+b=c #1",
          "back\\slash");

  private final SplittableRandom random;
  private long nextId = 1;

  TextRecords(long seed) {
    this.random = new SplittableRandom(seed);
  }

  byte[] nextCsvLine() {
    String line =
        String.join(
            ",",
            Long.toString(nextId++),
            csvField(pick(NAMES)),
            csvField(pick(CITIES)),
            amount(),
            csvField(pick(NOTES)));
    return (line + "\n").getBytes(StandardCharsets.UTF_8);
  }

  byte[] nextJsonLine() {
    String line =
        "{\"id\":"
            + nextId++
            + ",\"name\":"
            + jsonString(pick(NAMES))
            + ",\"city\":"
            + jsonString(pick(CITIES))
            + ",\"amount\":"
            + amount()
            + ",\"note\":"
            + jsonString(pick(NOTES))
            + ",\"active\":"
            + random.nextBoolean()
            + "}\n";
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String amount() {
    int cents = random.nextInt(10_000_000);
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  /** Quotes a field as RFC 4180 does: when it contains a comma or a quote, with quotes doubled. */
  static String csvField(String value) {
    if (value.contains(",") || value.contains("\"")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** Returns a JSON string literal. It escapes no control characters, because no value has one. */
  static String jsonString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
