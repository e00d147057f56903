package dev.hwgrade.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Grade;
import dev.hwgrade.verify.VerifyLineParser;
import dev.hwgrade.verify.VerifyRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-kind case tables under {@code cases/*.yaml}: every row is a {@code verify} request (the
 * same fields as a line of {@code hwgrade verify}: {@code kind}, {@code key}, {@code response},
 * {@code unit}, {@code tolerance}, {@code options}, …) with the verdict a TA gives ({@code
 * expected}) and why ({@code reason}). Each row goes through the real line parser and grading
 * engine, so it checks extraction and grading together. Optional fields: {@code decide: true}
 * grades in decide mode; {@code explanation_contains} lists words the explanation must contain;
 * {@code extracted} is the answer the grader must have read.
 */
class VerifyCaseTableTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  // A generous time limit, as in ExamplesTest: the rows check verdicts, not the speed of a busy
  // machine.
  private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
  private static final GradingEngine ENGINE =
      GradingEngine.builder()
          .options(GradingOptions.DEFAULT.withTimeLimit(TIME_LIMIT))
          .parallelism(1)
          .build();
  private static final GradingEngine DECIDING =
      GradingEngine.builder()
          .options(GradingOptions.DEFAULT.withDecide(true).withTimeLimit(TIME_LIMIT))
          .parallelism(1)
          .build();

  static Stream<Arguments> rows() throws IOException, URISyntaxException {
    Path dir = Path.of(VerifyCaseTableTest.class.getResource("/cases").toURI());
    List<Arguments> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode rows = YAML.readTree(file.toFile());
      int i = 0;
      for (JsonNode row : rows) {
        i++;
        String name = file.getFileName().toString().replace(".yaml", "") + "#" + i;
        out.add(Arguments.of(name, row));
      }
    }
    return out.stream();
  }

  @Test
  void everyRowSaysWhatATaGivesAndWhy() throws Exception {
    List<String> bad =
        rows()
            .filter(
                a -> {
                  JsonNode r = (JsonNode) a.get()[1];
                  return !r.hasNonNull("expected")
                      || !r.hasNonNull("reason")
                      || r.get("reason").asText().isBlank();
                })
            .map(a -> (String) a.get()[0])
            .toList();
    assertThat(bad).as("rows without expected verdict or reason").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void gradesAsATaWould(String name, JsonNode row) throws Exception {
    ObjectNode line = ((ObjectNode) row).deepCopy();
    line.put("id", name);
    boolean decide = line.path("decide").asBoolean(false);
    VerifyRequest request = VerifyLineParser.parse(JSON.writeValueAsString(line), 1);
    assertThat(request.error()).as("the row is a valid verify line").isNull();
    Grade g = (decide ? DECIDING : ENGINE).grade(request.part(), request.answer());
    String expected = row.get("expected").asText().toUpperCase(Locale.ROOT);
    assertThat(g.verdict().name())
        .as(
            "%s: key %s, response %s — %s%nexplanation: %s (extracted: %s)",
            name,
            row.path("key").asText(),
            row.path("response").asText(),
            row.get("reason").asText(),
            g.explanation(),
            g.extracted())
        .isEqualTo(expected);
    for (JsonNode word : row.path("explanation_contains")) {
      assertThat(g.explanation()).containsIgnoringCase(word.asText());
    }
    if (row.hasNonNull("extracted")) {
      assertThat(g.extracted()).isEqualTo(row.get("extracted").asText());
    }
  }
}
