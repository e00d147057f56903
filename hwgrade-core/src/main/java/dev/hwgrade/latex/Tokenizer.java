package dev.hwgrade.latex;

import dev.hwgrade.latex.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a cleaned answer into tokens; plain-text runs of letters become function names or single
 * letters.
 */
final class Tokenizer {
  /** Function names recognised in plain text and after a backslash. */
  static final Set<String> FUNCTIONS =
      Set.of(
          "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh",
          "tanh", "coth", "log", "ln", "lg", "exp", "sqrt", "abs", "det", "tr", "Tr", "trace",
          "floor", "ceil", "max", "min", "gcd", "lcm", "arcsec", "arccsc", "arccot", "sgn", "sigma",
          "softmax", "diag", "rank", "cbrt", "cosec", "sech", "csch", "asin", "acos", "atan",
          "asinh", "acosh", "atanh", "arsinh", "arcosh", "artanh", "arcsinh", "arccosh", "arctanh");

  /** Letters spelled out as commands: Greek letters and named constants. */
  private static final Set<String> LETTER_COMMANDS =
      Set.of(
          "alpha",
          "beta",
          "gamma",
          "delta",
          "epsilon",
          "varepsilon",
          "zeta",
          "eta",
          "theta",
          "vartheta",
          "iota",
          "kappa",
          "lambda",
          "mu",
          "nu",
          "xi",
          "pi",
          "rho",
          "varrho",
          "tau",
          "upsilon",
          "phi",
          "varphi",
          "chi",
          "psi",
          "omega",
          "Gamma",
          "Delta",
          "Theta",
          "Lambda",
          "Xi",
          "Pi",
          "Sigma",
          "Upsilon",
          "Phi",
          "Psi",
          "Omega",
          "ell",
          "hbar",
          "imath",
          "jmath",
          "nabla",
          "partial",
          "emptyset",
          "varnothing");

  /** Plain-text names read whole rather than as a product of letters, longest first. */
  private static final List<String> PLAIN_NAMES =
      List.of(
          "arcsinh",
          "arccosh",
          "arctanh",
          "arsinh",
          "arcosh",
          "artanh",
          "arcsec",
          "arccsc",
          "arccot",
          "arcsin",
          "arccos",
          "arctan",
          "asinh",
          "acosh",
          "atanh",
          "asin",
          "acos",
          "atan",
          "cosec",
          "Theta",
          "Omega",
          "infinity",
          "softmax",
          "trace",
          "sqrt",
          "cbrt",
          "sinh",
          "cosh",
          "tanh",
          "coth",
          "sech",
          "csch",
          "infty",
          "sin",
          "cos",
          "tan",
          "sec",
          "csc",
          "cot",
          "log",
          "exp",
          "abs",
          "det",
          "inf",
          "max",
          "min",
          "gcd",
          "lcm",
          "ln",
          "pi",
          "tr");

  /** Inverse functions spelled as in C and Python, read only at the start of a word. */
  private static final Set<String> SHORT_INVERSES =
      Set.of("asin", "acos", "atan", "asinh", "acosh", "atanh");

  /** Greek capitals written out in plain text, read as one letter ({@code Theta(n)}). */
  private static final Set<String> GREEK_CAPITALS = Set.of("Theta", "Omega");

  private Tokenizer() {}

  static List<Token> tokenize(String s) throws MathSyntaxException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
        i = number(s, i, out);
      } else if (c == LatexCleaner.WORD_OPEN) {
        int end = s.indexOf(LatexCleaner.WORD_CLOSE, i);
        end = end < 0 ? n : end;
        out.add(new Token(Type.WORD, s.substring(i + 1, end).strip()));
        i = end + 1;
      } else if (c == '\\') {
        i = command(s, i, out);
      } else if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(s.charAt(j)) && s.charAt(j) < 128) {
          j++;
        }
        if (j == i) {
          out.add(new Token(Type.IDENT, String.valueOf(c)));
          i++;
        } else {
          letters(s.substring(i, j), out);
          i = j;
        }
      } else {
        out.add(new Token(Type.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    out.add(new Token(Type.END, ""));
    return out;
  }

  private static int number(String s, int i, List<Token> out) {
    int n = s.length();
    int j = i;
    while (j < n && Character.isDigit(s.charAt(j))) {
      j++;
    }
    if (j < n && s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
      j++;
      while (j < n && Character.isDigit(s.charAt(j))) {
        j++;
      }
    } else if (j < n
        && s.charAt(j) == '.'
        && (j + 1 == n || !Character.isLetter(s.charAt(j + 1)))) {
      j++;
    }
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      int digits = k;
      while (k < n && Character.isDigit(s.charAt(k))) {
        k++;
      }
      if (k > digits && (k == n || !Character.isLetter(s.charAt(k)))) {
        j = k;
      }
    }
    // A clock time such as 12:00 is one token, not a ratio.
    if (j + 3 <= n
        && s.charAt(j) == ':'
        && s.substring(j + 1, j + 3).matches("\\d\\d")
        && (j + 3 == n || !Character.isDigit(s.charAt(j + 3)))) {
      out.add(new Token(Type.IDENT, s.substring(i, j + 3)));
      return j + 3;
    }
    String text = s.substring(i, j);
    out.add(
        new Token(Type.NUMBER, text.endsWith(".") ? text.substring(0, text.length() - 1) : text));
    return j;
  }

  private static int command(String s, int i, List<Token> out) {
    int n = s.length();
    int j = i + 1;
    while (j < n && Character.isLetter(s.charAt(j))) {
      j++;
    }
    if (j == i + 1) {
      String sym = j < n ? "\\" + s.charAt(j) : "\\";
      out.add(new Token(Type.SYMBOL, sym));
      return Math.min(n, j + 1);
    }
    String name = s.substring(i + 1, j);
    if (FUNCTIONS.contains(name)) {
      out.add(new Token(Type.FUNCTION, name));
    } else if (LETTER_COMMANDS.contains(name)) {
      out.add(new Token(Type.IDENT, name));
    } else {
      out.add(new Token(Type.COMMAND, name));
    }
    return j;
  }

  /**
   * Letter commands not read as a letter when spelled out in plain text: names of two letters (mu,
   * pi: parts of words), these capitals and variants, and the named constants.
   */
  private static final Set<String> NOT_PLAIN_WORDS =
      Set.of(
          "varrho",
          "Theta",
          "Upsilon",
          "Omega",
          "ell",
          "hbar",
          "imath",
          "jmath",
          "nabla",
          "partial",
          "emptyset",
          "varnothing");

  /**
   * Greek letters spelled out in plain text as a whole word ({@code epsilon_0}, {@code theta},
   * {@code omega t}): one letter, as {@code \epsilon} is, not e·p·s·i·l·o·n.
   */
  private static final Set<String> GREEK_WORDS =
      LETTER_COMMANDS.stream()
          .filter(n -> n.length() > 2 && !NOT_PLAIN_WORDS.contains(n))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static void letters(String run, List<Token> out) {
    if (GREEK_WORDS.contains(run)) {
      out.add(new Token(Type.IDENT, run));
      return;
    }
    int i = 0;
    while (i < run.length()) {
      String match = null;
      for (String name : PLAIN_NAMES) {
        // asin, acos, atan only at a word's start (C's and Python's names): "basin" is b·a·sin
        if (run.startsWith(name, i) && (i == 0 || !SHORT_INVERSES.contains(name))) {
          match = name;
          break;
        }
      }
      if (match == null) {
        out.add(new Token(Type.IDENT, String.valueOf(run.charAt(i))));
        i++;
      } else {
        if (match.startsWith("inf")) {
          out.add(new Token(Type.SYMBOL, "∞"));
        } else if (match.equals("pi") || GREEK_CAPITALS.contains(match)) {
          out.add(new Token(Type.IDENT, match));
        } else {
          out.add(new Token(Type.FUNCTION, match));
        }
        i += match.length();
      }
    }
  }
}
