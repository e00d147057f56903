package dev.hwgrade.grade.numeric;

/** How a response's figure is quoted: a leading ≈ shown as ~, or dropped. */
final class Amounts {
  private Amounts() {}

  /** {@code ≈ 9 MB} as {@code ~9 MB}; other text unchanged. */
  static String approximate(String text) {
    int k = skipApproximation(text);
    return k == 0 ? text : "~" + text.substring(k);
  }

  /** {@code ~0.3 PF/s} as {@code 0.3 PF/s}. */
  static String withoutApproximation(String text) {
    return text.substring(skipApproximation(text));
  }

  private static int skipApproximation(String text) {
    if (text.isEmpty() || (text.charAt(0) != '~' && text.charAt(0) != '≈')) {
      return 0;
    }
    int k = 1;
    while (k < text.length() && text.charAt(k) == ' ') {
      k++;
    }
    return k;
  }
}
