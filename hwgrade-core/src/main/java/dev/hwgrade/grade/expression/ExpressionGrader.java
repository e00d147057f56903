package dev.hwgrade.grade.expression;

import dev.hwgrade.extract.MathAnswer;
import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.latex.LatexCleaner;
import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathParser;
import dev.hwgrade.latex.MathSyntaxException;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades answers that are mathematical expressions. What counts as equivalent to the key (or to one
 * of its alternatives):
 *
 * <ul>
 *   <li>the same value, however written: {@code 1/2}, {@code 0.5}, {@code \dfrac12}, {@code 50\%};
 *       {@code 1 1/2} (but {@code (11) 4/9} is a product); {@code 1.7e15}, {@code 1.7 \times
 *       10^{15}}; {@code 7,425,000}; {@code 0.\overline{3}}, {@code 0.333\ldots}; {@code C(6,3)},
 *       {@code {}_6C_3}, {@code 6 \choose 3}; rationals compare exactly, so {@code 1/2004!} is not
 *       {@code 1/2006!}, and other tiny values relatively;
 *   <li>a percentage as its fraction ({@code 28\%} and {@code 0.28}), or as the bare number when
 *       the other side is a plain number ({@code 28\%} and {@code 28}, not {@code 4 4/9\%} and
 *       {@code 40/9}); a degree sign as the number or the same angle in radians ({@code 30^\circ},
 *       {@code 30}, {@code \pi/6});
 *   <li>{@code \log} without a base: a match under only one of the natural and base-10 readings is
 *       {@code needs_review};
 *   <li>a decimal that is the exact key rounded to the digits it shows ({@code 0.333} for 1/3,
 *       {@code 3.14} for π), with at least two significant digits;
 *   <li>the same expression: polynomials that expand alike ({@code 4k(m+l)} and {@code 4km + 4kl}),
 *       otherwise agreement at six random points (random 3×3 matrices for the key's non-commuting
 *       symbols, so {@code X W_2 W_1} is not {@code X W_1 W_2} but {@code (XW)^T} is {@code W^T
 *       X^T}), and where that cannot decide, Symja simplifying the difference to 0;
 *   <li>equations: a named left side is optional ({@code L = W_U W_E T} and {@code W_U W_E T},
 *       {@code f^{-1}(x) = (x-3)/2}), an answer {@code a + b = 7} gives 7 for a numeric key, a
 *       chain counts by its last value, and equivalent equations match ({@code 3x - y = 1}, {@code
 *       y = 3x - 1}; not {@code y = 2x} and {@code y = x/2});
 *   <li>inequalities stating the same condition; an inequality in one variable, or a set in
 *       set-builder notation, matches the interval or union it describes, either way round ({@code
 *       x > 3}, {@code \{x \mid x > 3\}}, {@code (3, \infty)});
 *   <li>sets and bare lists in any order; tuples and intervals in order, with the same ends (order
 *       is free when the key says {@code ordered: false}; named values such as {@code a=1, b=2}
 *       against an unnamed tuple need review when only one of the written and the alphabetical
 *       order matches); {@code ±} as both signs; matrices entry by entry; Big-O classes that grow
 *       alike; words, ignoring case.
 * </ul>
 *
 * <p>It finds the final answer in the response first (boxes, "final answer", the last math span,
 * bold, a concluding number). An unreadable key or a comparison out of time is {@code
 * needs_review}; an unreadable answer (unbalanced braces, a {@code \boxed} never closed) is {@code
 * incorrect}, with the reason. Thread-safe and cheap to construct: Symja starts only when first
 * needed.
 */
public final class ExpressionGrader implements Grader {
  private final GradingOptions options;

  public ExpressionGrader(GradingOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "expression";
  }

  @Override
  public List<String> checkKey(Part part) {
    List<String> problems = new ArrayList<>();
    for (String accepted : part.key().acceptedAnswers()) {
      String word = ProseKeys.proseWord(MathAnswer.extract(accepted));
      if (word != null) {
        problems.add(notMathematics(accepted, word));
        continue;
      }
      try {
        parse(cleaned(MathAnswer.extract(accepted)));
      } catch (MathSyntaxException e) {
        problems.add(
            "'" + shorten(accepted) + "' cannot be read as mathematics: " + e.getMessage());
      }
    }
    return problems;
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    Key key = part.key();
    Deadline deadline = Deadline.after(options.timeLimit());
    String extracted = ProseValues.widen(answer.text(), MathAnswer.extract(answer.text()));
    if (MathAnswer.hasUnclosedBox(answer.text()) && !MathAnswer.hasUnclosedBox(key.answer())) {
      return new Grade(
          Verdict.INCORRECT,
          0.0,
          0.7,
          extracted,
          "The answer could not be read as mathematics: its \\boxed{…} is never closed.",
          List.of(),
          null,
          name());
    }
    String cleanedAnswer = cleaned(extracted);
    List<String> cleanedKeys = new ArrayList<>();
    for (String accepted : key.acceptedAnswers()) {
      String cleanedKey = cleaned(MathAnswer.extract(accepted));
      cleanedKeys.add(cleanedKey);
      if (cleanedKey != null
          && !cleanedKey.isBlank()
          && cleanedKey
              .replace(" ", "")
              .equals(cleanedAnswer == null ? null : cleanedAnswer.replace(" ", ""))) {
        return new Grade(
            Verdict.CORRECT,
            1.0,
            0.99,
            extracted,
            "Equivalent to the key: the same text once spacing and wrappers are removed.",
            List.of(),
            null,
            name());
      }
    }
    List<MathNode> keys = new ArrayList<>();
    List<String> keyTexts = new ArrayList<>();
    String keyError = null;
    for (int i = 0; i < cleanedKeys.size(); i++) {
      String accepted = key.acceptedAnswers().get(i);
      String word = ProseKeys.proseWord(MathAnswer.extract(accepted));
      if (word != null) {
        keyError = notMathematics(accepted, word);
        continue;
      }
      try {
        keys.add(parseKey(cleanedKeys.get(i)));
        keyTexts.add(accepted);
      } catch (MathSyntaxException e) {
        keyError = "the key '" + shorten(accepted) + "' could not be read: " + e.getMessage();
      }
    }
    if (keys.isEmpty()) {
      return Grade.needsReview(extracted, capitalise(keyError) + ".", name());
    }
    MathNode response;
    try {
      response = parse(cleanedAnswer);
    } catch (MathSyntaxException e) {
      response = rightSideOfNamedAnswer(extracted, key);
      if (response == null) {
        return new Grade(
            Verdict.INCORRECT,
            0.0,
            0.7,
            extracted,
            "The answer could not be read as mathematics: " + e.getMessage() + ".",
            List.of(),
            null,
            name());
      }
    }
    Set<String> matrices = matrixNames(key.matrices());
    Equivalence equivalence =
        new Equivalence(
            matrices,
            matrixNames(key.positive()),
            key.ordered(),
            options.seed(),
            deadline,
            key.compare());
    List<String> evidence = new ArrayList<>();
    evidence.add("answer read as " + shorten(response.toString()));
    Decision first = null;
    for (int i = 0; i < keys.size(); i++) {
      SharedNotation.Pair read = SharedNotation.read(keys.get(i), response, matrices);
      MathNode keyNode = read.key();
      MathNode answerNode = read.answer();
      if (!(keyNode instanceof Relation)) {
        answerNode =
            LeftSides.withoutRestatedSubject(
                answerNode,
                keyNode,
                cleanedAnswer,
                part.question(),
                (l, r) -> safely(equivalence, l, r).isEqual());
      }
      if (!answerNode.equals(response)) {
        evidence.add("answer read as " + shorten(answerNode.toString()));
      }
      Decision d = safely(equivalence, keyNode, answerNode);
      if (d.isEqual()) {
        evidence.add("key read as " + shorten(keyNode.toString()));
        String which = keyTexts.get(i).equals(key.answer()) ? "" : " (an accepted alternative)";
        SlashProducts.Reading reading = SlashProducts.grouped(cleanedAnswer);
        if (reading != null
            && groupedDecision(part, keys.get(i), reading, matrices, equivalence) == null) {
          // t/RC matches only as (t/R)·C, and is meant as t/(RC): not credited on that reading
          return new Grade(
              options.decide() ? Verdict.INCORRECT : Verdict.NEEDS_REVIEW,
              0.0,
              options.decide() ? 0.3 : 0.0,
              extracted,
              "Equivalent to the key"
                  + which
                  + " only if the product written after '/' is not all the denominator (t/RC as"
                  + " (t/R)·C), though written so it is usually meant as t/(RC): "
                  + d.reason()
                  + ".",
              evidence,
              null,
              name());
        }
        return new Grade(
            Verdict.CORRECT,
            1.0,
            0.95,
            extracted,
            "Equivalent to the key" + which + ": " + d.reason() + ".",
            evidence,
            null,
            name());
      }
      if (first == null || first.isDifferent() && !d.isDifferent()) {
        first = d;
        evidence.add("key read as " + shorten(keyNode.toString()));
      }
    }
    if (first.isDifferent()) {
      Grade regrouped =
          slashProducts(part, keys, keyTexts, cleanedAnswer, extracted, matrices, equivalence);
      if (regrouped != null) {
        return regrouped;
      }
      return new Grade(
          Verdict.INCORRECT,
          0.0,
          0.9,
          extracted,
          "Not equivalent to the key: " + first.reason() + ".",
          evidence,
          first.diagnosis(),
          name());
    }
    if (options.decide()) {
      return new Grade(
          Verdict.INCORRECT,
          0.0,
          0.3,
          extracted,
          "Equivalence could not be shown: " + first.reason() + ".",
          evidence,
          null,
          name());
    }
    return new Grade(
        Verdict.NEEDS_REVIEW,
        0.0,
        0.0,
        extracted,
        "Equivalence could not be decided: " + first.reason() + ".",
        evidence,
        null,
        name());
  }

  /**
   * A key as its author means it: a product written straight after a slash is the denominator
   * ({@code e^{-t/RC}} is e^{-t/(RC)}), as it is in an answer; read by precedence only when the
   * grouped text does not parse.
   */
  private static MathNode parseKey(String cleanedKey) throws MathSyntaxException {
    SlashProducts.Reading grouped = SlashProducts.grouped(cleanedKey);
    if (grouped != null) {
      try {
        return parse(grouped.text());
      } catch (MathSyntaxException e) {
        // fall through to the text as written
      }
    }
    return parse(cleanedKey);
  }

  /**
   * The answer read again with each product written straight after a slash as its denominator
   * ({@link SlashProducts}): {@code e^(-t/RC)} is the key {@code e^{-t/(RC)}}, as a TA reads it.
   * Null when the answer has no such product or does not match so either.
   */
  private Grade slashProducts(
      Part part,
      List<MathNode> keys,
      List<String> keyTexts,
      String cleanedAnswer,
      String extracted,
      Set<String> matrices,
      Equivalence equivalence) {
    SlashProducts.Reading reading = SlashProducts.grouped(cleanedAnswer);
    if (reading == null) {
      return null;
    }
    for (int i = 0; i < keys.size(); i++) {
      Decision d = groupedDecision(part, keys.get(i), reading, matrices, equivalence);
      if (d == null) {
        continue;
      }
      List<String> evidence =
          List.of(
              "answer read, a product after '/' as its denominator, as " + reading.text(),
              "key read as " + shorten(keys.get(i).toString()));
      String which =
          keyTexts.get(i).equals(part.key().answer()) ? "" : " (an accepted alternative)";
      return new Grade(
          Verdict.CORRECT,
          1.0,
          0.9,
          extracted,
          "Equivalent to the key"
              + which
              + " with the product written after '/' as the denominator (t/RC as t/(RC)), as"
              + " it is meant in plain text: "
              + d.reason()
              + ".",
          evidence,
          null,
          name());
    }
    return null;
  }

  /** The decision when the regrouped answer equals {@code key}; null when it does not. */
  private Decision groupedDecision(
      Part part,
      MathNode key,
      SlashProducts.Reading reading,
      Set<String> matrices,
      Equivalence equivalence) {
    MathNode alternative;
    try {
      alternative = parse(reading.text());
    } catch (MathSyntaxException e) {
      return null;
    }
    SharedNotation.Pair read = SharedNotation.read(key, alternative, matrices);
    MathNode answerNode = read.answer();
    if (!(read.key() instanceof Relation)) {
      answerNode =
          LeftSides.withoutRestatedSubject(
              answerNode,
              read.key(),
              reading.text(),
              part.question(),
              (l, r) -> safely(equivalence, l, r).isEqual());
    }
    Decision d = safely(equivalence, read.key(), answerNode);
    return d.isEqual() ? d : null;
  }

  private static String notMathematics(String key, String word) {
    return "'"
        + shorten(key)
        + "' is words, not mathematics ('"
        + word
        + "' would be read as a product of letters); write the mathematics, put words in"
        + " \\text{…}, or use kind: text";
  }

  private static Decision safely(Equivalence equivalence, MathNode key, MathNode response) {
    try {
      return equivalence.compare(key, response);
    } catch (StackOverflowError | RuntimeException e) {
      return Decision.unknown("the comparison failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The right side of an answer such as {@code P(\text{at least one lost}) = 1 - (1-p)^n} or {@code
   * E[X] = 1/(1-p)}, whose left side only names the quantity and need not be mathematics hwgrade
   * reads; null when the answer is not of that shape or the key is itself an equation.
   */
  static MathNode rightSideOfNamedAnswer(String extracted, Key key) {
    for (String k : key.acceptedAnswers()) {
      if (k.contains("=")) {
        return null;
      }
    }
    int eq = -1;
    int depth = 0;
    for (int i = 0; i < extracted.length(); i++) {
      char c = extracted.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0 && (i == 0 || extracted.charAt(i - 1) != '\\')) {
        return null;
      } else if (c == '=' && depth == 0) {
        // a chain P(A|B) = … = 2/3 counts by its last value
        eq = i;
      }
    }
    if (eq <= 0 || eq == extracted.length() - 1 || "<>!\\".indexOf(extracted.charAt(eq - 1)) >= 0) {
      return null;
    }
    try {
      return parse(cleaned(extracted.substring(eq + 1)));
    } catch (MathSyntaxException e) {
      return null;
    }
  }

  /** The cleaned form of an extracted answer; null when it is too long to read. */
  private static String cleaned(String extracted) {
    return extracted.length() > MathParser.MAX_LENGTH ? null : LatexCleaner.clean(extracted);
  }

  /** Reads a cleaned answer into a tree. */
  private static MathNode parse(String cleaned) throws MathSyntaxException {
    if (cleaned == null) {
      throw new MathSyntaxException(
          "the answer is too long to read (over " + MathParser.MAX_LENGTH + " characters)");
    }
    if (cleaned.isBlank()) {
      throw new MathSyntaxException("no answer was found");
    }
    return MathParser.parse(cleaned);
  }

  /** {@code W_{QK}} and {@code W_QK} name the same symbol. */
  static Set<String> matrixNames(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      out.add(n.replaceAll("[{}\\s$]", "").replaceAll("^\\\\", ""));
    }
    return out;
  }

  private static String shorten(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "…";
  }

  private static String capitalise(String s) {
    return s == null || s.isEmpty()
        ? "The key could not be read"
        : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
