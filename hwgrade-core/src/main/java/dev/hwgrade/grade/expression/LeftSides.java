package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.LatexCleaner;
import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Pow;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides when the left side of an answer {@code L = R} only restates what is asked, so that the
 * answer is {@code R}: when {@code L} is written in the question ({@code (AB)^{-1} = B^{-1}A^{-1}}
 * for "Find $(AB)^{-1}$"), when it is the obvious subject (a derivative {@code f'(x)}, {@code
 * \frac{dy}{dx}}; a power, inverse or transpose of a named matrix before a written-out matrix), or
 * when it equals {@code R} (a step of the working, such as {@code (AB)^{-1} = B^{-1}A^{-1}} with
 * matrices {@code A} and {@code B}). A left side that names something else is kept, so {@code x^2 =
 * 4} is not the value 4 and {@code x = 5} is not the key {@code y = 5}.
 */
final class LeftSides {
  private static final Pattern MATH_SPAN =
      Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$|\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]");
  private static final Pattern DERIVATIVE =
      Pattern.compile(
          "\\\\frac\\{(?:d|\\\\partial)[^{}]*\\}\\{(?:d|\\\\partial)[^{}]*\\}.*"
              + "|d[A-Za-z]?/d[A-Za-z].*"
              + "|[A-Za-z](?:_\\{?\\w+\\}?)?'+(?:\\([^()]*\\))?");

  /**
   * Left sides that name what was asked rather than state a condition: an integral, a sum, a limit,
   * a probability, expectation or variance, a norm, a determinant ({@code \int x^2 dx =}, {@code
   * P(X=3) =}, {@code \|v\| =}).
   */
  private static final Pattern SUBJECT =
      Pattern.compile(
          "(?:\\\\int|∫|int\\(|\\\\sum|∑|sum\\(|\\\\lim|lim|\\\\det|det\\(|\\\\\\||‖|\\|\\|"
              + "|(?:P|Pr|E|Var|Cov|SD)[\\[(]).*");

  private LeftSides() {}

  /**
   * The answer without a left side that only restates what is asked; the answer itself when it has
   * none.
   *
   * @param key the key the answer is compared with
   * @param cleanedAnswer the answer's text as cleaned for the parser
   * @param question the question, possibly empty
   * @param sameValue whether two expressions are equal (a comparison that may use matrices)
   */
  static MathNode withoutRestatedSubject(
      MathNode answer,
      MathNode key,
      String cleanedAnswer,
      String question,
      java.util.function.BiPredicate<MathNode, MathNode> sameValue) {
    if (!(answer instanceof Relation r)
        || !r.ops().stream().allMatch("="::equals)
        || Nodes.isName(r.operands().get(0))) {
      return answer;
    }
    MathNode left = r.operands().get(0);
    MathNode right = r.operands().get(r.operands().size() - 1);
    String leftText = leftText(cleanedAnswer);
    boolean restated =
        leftText != null
                && (inQuestion(leftText, question)
                    || isDerivative(leftText)
                    || SUBJECT.matcher(leftText).matches())
            || namesMatrix(left, right, key instanceof Matrix)
            || sameValue.test(left, r.operands().get(1));
    if (!restated) {
      return answer;
    }
    List<MathNode> rest = r.operands().subList(1, r.operands().size());
    return rest.size() == 1
        ? rest.get(0)
        : new Relation(new ArrayList<>(rest), r.ops().subList(1, r.ops().size()));
  }

  /** The text before the first top-level {@code =}, without spaces; null when there is none. */
  static String leftText(String cleaned) {
    int depth = 0;
    for (int i = 0; i < cleaned.length(); i++) {
      char c = cleaned.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '=' && depth == 0) {
        return i == 0 ? null : compact(cleaned.substring(0, i));
      }
    }
    return null;
  }

  /** Whether the question writes {@code left} as a whole formula or one side of one. */
  private static boolean inQuestion(String left, String question) {
    if (question == null || question.isBlank() || left.isEmpty()) {
      return false;
    }
    Matcher m = MATH_SPAN.matcher(question);
    while (m.find()) {
      String span = m.group(1);
      for (int g = 2; span == null && g <= 4; g++) {
        span = m.group(g);
      }
      String cleaned = compact(LatexCleaner.clean(span));
      if (cleaned.equals(left)) {
        return true;
      }
      for (String side : cleaned.split("=")) {
        if (side.equals(left)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDerivative(String left) {
    return DERIVATIVE.matcher(left).matches();
  }

  /**
   * {@code A^2}, {@code A^{-1}}, {@code (AB)^T}, {@code AA^{-1}} before a written-out matrix or a
   * multiple of one, or, against a matrix key, before the identity {@code I} ({@code A^2 = 2I}).
   */
  private static boolean namesMatrix(MathNode left, MathNode right, boolean matrixKey) {
    boolean matrixRight =
        right instanceof Matrix
            || Nodes.contains(right, Matrix.class)
            || matrixKey && Nodes.freeSymbols(right).stream().anyMatch(LeftSides::isIdentity);
    if (!matrixRight) {
      return false;
    }
    if (left instanceof Mul m) {
      return m.factors().stream().allMatch(LeftSides::isMatrixName);
    }
    return isMatrixName(left);
  }

  /** {@code A}, {@code A^2}, {@code A^{-1}}, {@code A^T}, {@code (AB)^T}: a named matrix. */
  private static boolean isMatrixName(MathNode n) {
    MathNode base = n;
    if (n instanceof Pow p) {
      base = p.base();
    } else if (n instanceof Call c && c.function().equals("transpose")) {
      base = c.args().get(0);
    }
    if (base instanceof Sym s) {
      return Character.isUpperCase(s.name().charAt(0)) && !isIdentity(s.name());
    }
    return base != n
        && base instanceof Mul m
        && m.factors().stream().allMatch(LeftSides::isMatrixName);
  }

  private static boolean isIdentity(String name) {
    return name.equals("I") || name.matches("I_\\{?\\w+\\}?");
  }

  private static String compact(String s) {
    return s.replaceAll("\\s+", "");
  }
}
