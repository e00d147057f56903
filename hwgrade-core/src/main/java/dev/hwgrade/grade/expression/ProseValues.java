package dev.hwgrade.grade.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several values written in a sentence, "The eigenvalues are 2 and 5." or "the solutions are x = 1
 * and x = 4": read as the list {@code 2, 5}, not as the last number, so that they can be graded
 * against a set or tuple key (and, against a single-value key, count as several candidates).
 */
final class ProseValues {
  private static final String VALUE = "(?:[A-Za-z](?:_\\{?\\w+\\}?)?\\s*=\\s*)?-?\\d+(?:\\.\\d+)?";
  private static final String SEPARATOR = "(?:\\s*,\\s+(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)";
  private static final Pattern RUN =
      Pattern.compile("(?<![\\w.])" + VALUE + "(?:" + SEPARATOR + VALUE + ")+(?![\\w]|\\.\\d)");
  private static final Pattern ONE_VALUE = Pattern.compile(VALUE);
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  private ProseValues() {}

  /**
   * The values of the last run "a, b and c" in {@code text}, joined by commas, when that run holds
   * the number {@code extracted} last and nothing numeric follows it; {@code extracted} otherwise.
   */
  static String widen(String text, String extracted) {
    if (text == null || !NUMBER.matcher(extracted.strip()).matches() || text.length() > 2_000) {
      return extracted;
    }
    String plain = text.replace("$", " ").replace("\\(", " ").replace("\\)", " ");
    Matcher m = RUN.matcher(plain);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start < 0 || plain.substring(end).matches("(?s).*\\d.*")) {
      return extracted;
    }
    List<String> values = new ArrayList<>();
    Matcher v = ONE_VALUE.matcher(plain.substring(start, end));
    while (v.find()) {
      values.add(v.group().strip());
    }
    String last = values.get(values.size() - 1).replaceFirst("^[^=]*=\\s*", "");
    if (!last.equals(extracted.strip())) {
      return extracted;
    }
    return String.join(", ", values);
  }
}
