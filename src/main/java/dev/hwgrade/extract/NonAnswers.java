package dev.hwgrade.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises answers that are no answer: empty, or only saying the model does not know. */
public final class NonAnswers {
  private static final Pattern DONT_KNOW =
      Pattern.compile(
          "^(?:i\\s+(?:do\\s*n[o']t|don't|cannot|can't|am\\s+not\\s+able\\s+to|am\\s+unable\\s+to)\\s+"
              + "(?:know|say|tell|answer|determine|solve|be\\s+sure)[^.]*|(?:n/?a|none|unknown|no\\s+answer|"
              + "not\\s+sure|unsure|skip(?:ped)?|\\?+|-+|…|\\.\\.\\.)|i'?m\\s+not\\s+sure[^.]*)[.!]?$");

  private NonAnswers() {}

  /** True when the text is blank or only declines to answer. */
  public static boolean isNonAnswer(String text) {
    if (text == null) {
      return true;
    }
    String t = text.strip().replaceAll("[*_`]", "").strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return true;
    }
    return t.length() < 160 && DONT_KNOW.matcher(t).matches();
  }
}
