package dev.hwgrade.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.verify.VerifyLineParser;
import dev.hwgrade.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hedging never pays: for random keys (numbers, simple expressions, choice letters), an answer that
 * lists the key among several different candidates is never correct, and neither is one that states
 * the key and then says it is not the answer. Every answer goes through the verify line parser and
 * the grading engine, as {@code hwgrade verify} grades it.
 */
class AnswerPolicyProperties {
  private static final GradingEngine ENGINE = GradingEngine.builder().parallelism(1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EXPRESSIONS =
      List.of("x^2", "2x+1", "\\sin x", "e^{x}", "n \\log n", "\\frac{1}{x}", "3y - 2", "x^3 + 1");
  private static final List<String> LETTERS = List.of("A", "B", "C", "D", "E");

  /** A key and the other values an answer may offer beside it, in a kind. */
  record Setup(String kind, String key, List<String> others) {}

  @Provide
  Arbitrary<Setup> setups() {
    Arbitrary<Setup> numbers =
        Combinators.combine(
                Arbitraries.integers().between(1, 999),
                Arbitraries.of(2, 3, 5, 10).list().ofMinSize(1).ofMaxSize(3).uniqueElements())
            .as(
                (k, factors) ->
                    new Setup(
                        "numeric",
                        String.valueOf(k),
                        factors.stream().map(f -> String.valueOf(k * f + 1)).toList()));
    Arbitrary<Setup> expressions =
        Arbitraries.of(EXPRESSIONS)
            .flatMap(
                k ->
                    Arbitraries.of(EXPRESSIONS)
                        .filter(o -> !o.equals(k))
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(2)
                        .uniqueElements()
                        .map(others -> new Setup("expression", k, others)));
    Arbitrary<Setup> letters =
        Arbitraries.of(LETTERS)
            .flatMap(
                k ->
                    Arbitraries.of(LETTERS)
                        .filter(o -> !o.equals(k))
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .uniqueElements()
                        .map(others -> new Setup("choice", k, others)));
    return Arbitraries.oneOf(numbers, expressions, letters);
  }

  @Provide
  Arbitrary<Integer> shapes() {
    return Arbitraries.integers().between(0, 5);
  }

  @Property(tries = 150)
  void listingTheKeyAmongCandidatesIsNeverCorrect(
      @ForAll("setups") Setup s, @ForAll("shapes") int shape, @ForAll boolean keyFirst) {
    List<String> candidates = new ArrayList<>(s.others());
    candidates.add(keyFirst ? 0 : candidates.size(), s.key());
    List<String> shown = candidates.stream().map(c -> show(s, c)).toList();
    String response =
        switch (shape) {
          case 0 -> String.join(" or ", shown);
          case 1 ->
              "either "
                  + String.join(", ", shown.subList(0, shown.size() - 1))
                  + " or "
                  + shown.get(shown.size() - 1);
          case 2 -> "Final answer: " + String.join("\n\nFinal answer: ", shown);
          case 3 -> "\\boxed{" + String.join("}\n\nThen:\n\n\\boxed{", candidates) + "}";
          case 4 -> "Answer: " + String.join(" or ", shown) + ", depending on the convention.";
          default -> "**" + String.join("**\n\n**", shown) + "**";
        };
    Grade g = grade(s, response);
    assertThat(g.verdict()).as(response + " → " + g.explanation()).isNotEqualTo(Verdict.CORRECT);
  }

  @Property(tries = 100)
  void statingTheKeyAndDenyingItIsNeverCorrect(
      @ForAll("setups") Setup s, @ForAll("shapes") int shape) {
    String k = show(s, s.key());
    String other = show(s, s.others().get(0));
    String response =
        switch (shape) {
          case 0 -> "The answer is not " + k + ".";
          case 1 -> k + " is wrong.";
          case 2 -> "It's not " + k + ".";
          case 3 -> other + " (not " + k + ")";
          case 4 -> "The answer is not " + k + ", it's " + other + ".";
          default -> other + ", not " + k;
        };
    Grade g = grade(s, response);
    assertThat(g.verdict()).as(response + " → " + g.explanation()).isNotEqualTo(Verdict.CORRECT);
  }

  private static String show(Setup s, String value) {
    return s.kind().equals("expression") ? "$" + value + "$" : value;
  }

  private static Grade grade(Setup s, String response) {
    ObjectNode line = JSON.createObjectNode();
    line.put("kind", s.kind());
    line.put("key", s.key());
    line.put("response", response);
    if (s.kind().equals("choice")) {
      ObjectNode options = line.putObject("options");
      for (String l : LETTERS) {
        options.put(l, "option " + l.toLowerCase(java.util.Locale.ROOT));
      }
    }
    VerifyRequest r = VerifyLineParser.parse(line.toString(), 1);
    return ENGINE.grade(r.part(), r.answer());
  }
}
