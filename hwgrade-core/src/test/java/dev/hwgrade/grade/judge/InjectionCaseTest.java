package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hwgrade.extract.HiddenText;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the case table {@code judge/injections.yaml}: each answer is screened, then graded by a
 * judge that finds every point made with a quote taken from the answer — the judge an injection has
 * won.
 */
class InjectionCaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Part PART =
      Part.adHoc(
          "1",
          "What happens to the current in an RC circuit after the switch closes?",
          Key.builder(Kind.TEXT)
              .answer("It decays exponentially.")
              .keyPoints(List.of(KeyPoint.of("the current decays exponentially", true)))
              .build());

  static List<JsonNode> rows() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = InjectionCaseTest.class.getResourceAsStream("/judge/injections.yaml")) {
      List<JsonNode> out = new ArrayList<>();
      yaml.readTree(in).forEach(out::add);
      return out;
    }
  }

  static Stream<Arguments> cases() throws IOException {
    return rows().stream().map(r -> Arguments.of(r.get("name").asText(), r));
  }

  @Test
  void theTableHoldsAtLeastThirtyInjectionsAndSomeLookAlikes() throws IOException {
    List<JsonNode> rows = rows();
    assertThat(rows.stream().filter(r -> r.get("flagged").asBoolean()).count())
        .isGreaterThanOrEqualTo(30);
    assertThat(rows.stream().filter(r -> !r.get("flagged").asBoolean()).count())
        .isGreaterThanOrEqualTo(15);
    assertThat(rows).allSatisfy(r -> assertThat(r.path("reason").asText()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void screensAndGradesAsATeacherWould(String name, JsonNode row) throws IOException {
    String text = row.get("answer").asText();
    boolean flagged = row.get("flagged").asBoolean();
    List<String> found = InjectionScreen.screen(text);
    assertThat(!found.isEmpty()).as("%s: %s", name, found).isEqualTo(flagged);

    Grade g =
        JudgeGrader.builder(List.of(ScriptedJudge.replying("fake:won", everythingMade(text))))
            .build()
            .grade(PART, Answer.of("1", text));
    if (flagged) {
      assertThat(g.verdict()).as(g.explanation()).isEqualTo(Verdict.NEEDS_REVIEW);
      assertThat(g.evidence()).anySatisfy(e -> assertThat(e).startsWith("injection: the answer"));
      assertThat(g.diagnosis()).contains("steer its grader");
    } else {
      assertThat(g.verdict()).as(g.explanation()).isEqualTo(Verdict.CORRECT);
      assertThat(g.evidence()).noneSatisfy(e -> assertThat(e).startsWith("injection:"));
    }
  }

  /** A reply making the one point with a quote of the answer's first visible characters. */
  private static String everythingMade(String text) throws IOException {
    String visible = HiddenText.strip(text).strip();
    String quote = visible.substring(0, Math.min(12, visible.length()));
    ObjectNode root = JSON.createObjectNode();
    ObjectNode p = root.putArray("points").addObject();
    p.put("id", "p1").put("decision", "made").put("quote", quote);
    return JSON.writeValueAsString(root);
  }
}
