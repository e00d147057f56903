package dev.hwgrade.extract;

/** Tidies a final answer found in a model's text, so that graders read the value itself. */
final class AnswerCleaner {
  /** A longer answer is a sentence, and keeps its full stop. */
  private static final int SHORT_ANSWER = 40;

  private AnswerCleaner() {}

  /**
   * The answer as a grader should read it: the content of a {@code \boxed{}} that is all of it,
   * without bold, a list bullet, math delimiters around the whole, a full stop after a bare value,
   * or Markdown's escape of a dollar sign; cut at {@link FinalAnswerExtractor#MAX_ANSWER_CHARS}.
   */
  static String clean(String value) {
    String v = value.strip();
    String boxed = FinalAnswerExtractor.lastBoxed(v);
    if (boxed != null && v.length() - boxed.length() <= 20) {
      v = boxed.strip();
    }
    v = stripEmphasis(v);
    if (v.startsWith("- ") || v.startsWith("* ")) {
      v = v.substring(2).strip();
    }
    v = unwrapMath(v);
    if (v.length() > 1
        && v.length() <= SHORT_ANSWER
        && v.endsWith(".")
        && !v.endsWith("..")
        && wordsOutsideMath(v) <= 2) {
      // "42.", "9 MB." or "$x^2$.": the full stop ends the sentence, not the value; a sentence
      // ("The output is 30.") keeps it
      v = unwrapMath(v.substring(0, v.length() - 1).strip());
    }
    if (count(v, "\\$") > 0 && count(v, "\\$") == count(v, "$")) {
      // Markdown's escaped dollar (\$0.42) is a dollar sign when no $ in the answer opens math
      v = v.replace("\\$", "$");
    }
    if (v.length() > FinalAnswerExtractor.MAX_ANSWER_CHARS) {
      v = v.substring(0, FinalAnswerExtractor.MAX_ANSWER_CHARS).strip() + " …";
    }
    return v;
  }

  private static int count(String s, String token) {
    int n = 0;
    for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }

  private static int wordsOutsideMath(String v) {
    int words = 0;
    boolean inMath = false;
    boolean inWord = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '$') {
        inMath = !inMath;
        if (!inWord) {
          words++; // a formula counts as one word
          inWord = true;
        }
      } else if (!inMath) {
        boolean space = Character.isWhitespace(c);
        if (!space && !inWord) {
          words++;
        }
        inWord = !space;
      }
    }
    return words;
  }

  /** The text without bold markers. */
  static String stripEmphasis(String s) {
    return s.replace("**", "").replace("__", "").strip();
  }

  /** {@code $x$}, {@code $$x$$}, {@code \[x\]} and {@code \(x\)} around the whole answer go. */
  private static String unwrapMath(String v) {
    String[][] pairs = {{"$$", "$$"}, {"\\[", "\\]"}, {"\\(", "\\)"}, {"$", "$"}};
    for (String[] p : pairs) {
      if (v.length() >= p[0].length() + p[1].length() + 1
          && v.startsWith(p[0])
          && v.endsWith(p[1])) {
        String inner = v.substring(p[0].length(), v.length() - p[1].length());
        if (!inner.contains(p[1])) {
          return inner.strip();
        }
      }
    }
    return v;
  }
}
