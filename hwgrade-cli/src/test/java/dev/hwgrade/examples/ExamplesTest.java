package dev.hwgrade.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hwgrade.cli.Cli;
import dev.hwgrade.cli.TestFiles;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled examples graded by the real graders: every part's verdict is what a careful TA
 * decides (src/test/resources/expected), and the EECS 182 example's report matches its golden
 * files. A part written {@code {verdict: …, pending: true}} is one the graders do not yet grade as
 * the TA does: its verdict is printed, not asserted.
 */
class ExamplesTest {
  private static final Path EXPECTED = Path.of("src/test/resources/expected");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> models() throws IOException {
    List<Arguments> out = new java.util.ArrayList<>();
    try (Stream<Path> dirs = Files.list(EXPECTED)) {
      for (Path d : dirs.sorted().toList()) {
        try (Stream<Path> files = Files.list(d)) {
          for (Path f : files.sorted().toList()) {
            out.add(Arguments.of(d.getFileName().toString(), AssignmentLoader.modelId(f)));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("models")
  void verdictsAreWhatATaDecides(String assignment, String model) throws Exception {
    LoadedAssignment loaded =
        AssignmentLoader.load(Path.of("../examples", assignment), List.of(model));
    Response r = loaded.responses().get(0);
    List<PartResult> results =
        GradingEngine.builder()
            .options(GradingOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(60)))
            .build()
            .grade(loaded.assignment(), r, null);
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> got = new LinkedHashMap<>();
    StringBuilder why = new StringBuilder();
    StringBuilder pending = new StringBuilder();
    Map<String, Expected> byPart = expected(assignment, model);
    for (PartResult pr : results) {
      String id = pr.part().id();
      Expected e = byPart.get(id);
      String verdict = pr.grade().verdict().id();
      if (e != null && e.pending()) {
        pending.append(describe(pr, e.verdict()));
        if (verdict.equals(e.verdict())) {
          pending.append(" (now as the TA decides: the part need no longer be pending)");
        }
        continue;
      }
      expected.put(id, e == null ? null : e.verdict());
      got.put(id, verdict);
      if (e == null || !verdict.equals(e.verdict())) {
        why.append(describe(pr, e == null ? null : e.verdict()));
      }
    }
    byPart.forEach(
        (id, e) -> {
          if (!e.pending() && !got.containsKey(id)) {
            expected.put(id, e.verdict());
          }
        });
    if (!pending.isEmpty()) {
      System.out.printf("%s / %s: pending parts (not asserted):%s%n", assignment, model, pending);
    }
    assertThat(got).as(why.toString()).isEqualTo(expected);
  }

  private static String describe(PartResult pr, String expected) {
    return "\n"
        + pr.part().id()
        + ": expected "
        + expected
        + ", got "
        + pr.grade().verdict().id()
        + " — "
        + pr.grade().explanation()
        + " [extracted: "
        + pr.grade().extracted()
        + "]";
  }

  @Test
  void eecs182ReportMatchesGoldenFiles(@TempDir Path tmp) throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("../examples/eecs182-hw11"), tmp.resolve("eecs182-hw11"));
    // A generous time limit: these tests check verdicts, not the speed of a busy machine.
    Cli.Run run = Cli.run("grade", dir.toString(), "--quiet", "--time-limit", "60000");
    assertThat(run.code()).as(run.err()).isZero();
    for (String name : new String[] {"report.md", "results.json", "results.csv"}) {
      Path actual = dir.resolve("reports/reference-llm").resolve(name);
      Path golden = GOLDEN.resolve("eecs182-hw11/reference-llm").resolve(name);
      String text = roundConfidences(name, Files.readString(actual));
      Path copy = Path.of("target/golden-actual/eecs182-hw11/reference-llm").resolve(name);
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, text);
      if (Boolean.getBoolean("hwgrade.updateGolden")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, text);
      }
      assertThat(text)
          .as(
              "%s differs from %s (this run's output is in %s; rerun with -Dhwgrade.updateGolden=true after checking)",
              name, golden, copy)
          .isEqualTo(roundConfidences(name, Files.readString(golden)));
    }
  }

  private static final Pattern JSON_CONFIDENCE =
      Pattern.compile("(\"confidence\" : )(\\d+(?:\\.\\d+)?)");

  /**
   * The text with every confidence rounded to one decimal: the fourth digit moves with every
   * retraining of the text model, the verdicts and explanations are what the golden files pin.
   */
  static String roundConfidences(String name, String text) {
    if (name.endsWith(".json")) {
      return JSON_CONFIDENCE.matcher(text).replaceAll(m -> m.group(1) + oneDecimal(m.group(2)));
    }
    if (!name.endsWith(".csv")) {
      return text;
    }
    int header = text.indexOf('\n');
    int column = List.of(text.substring(0, header).split(",")).indexOf("confidence");
    StringBuilder out = new StringBuilder(text.substring(0, header + 1));
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int index = 0;
    for (int i = header + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (quoted || (c != ',' && c != '\n')) {
        field.append(c);
        continue;
      }
      out.append(index == column ? oneDecimal(field.toString()) : field).append(c);
      field.setLength(0);
      index = c == ',' ? index + 1 : 0;
    }
    return out.append(field).toString();
  }

  private static String oneDecimal(String value) {
    if (value.isEmpty()) {
      return value;
    }
    return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * A TA's verdict for one part; a pending part is one the graders do not get right yet: it is
   * reported but not asserted.
   */
  private record Expected(String verdict, boolean pending) {}

  /**
   * Reads {@code expected/<assignment>/<model>.yaml}: part id to a verdict, or to {@code {verdict:
   * …, pending: true}}.
   */
  private static Map<String, Expected> expected(String assignment, String model)
      throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Expected> m = new LinkedHashMap<>();
    JsonNode raw = yaml.readTree(EXPECTED.resolve(assignment).resolve(model + ".yaml").toFile());
    for (Map.Entry<String, JsonNode> f : raw.properties()) {
      JsonNode v = f.getValue();
      m.put(
          f.getKey(),
          v.isObject()
              ? new Expected(v.path("verdict").asText(), v.path("pending").asBoolean())
              : new Expected(v.asText(), false));
    }
    return m;
  }
}
