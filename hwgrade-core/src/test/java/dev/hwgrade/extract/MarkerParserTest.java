package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the case table {@code extract/markers.yaml}: which lines start with a marker, and what it
 * says.
 */
class MarkerParserTest {
  record Case(
      String line,
      boolean none,
      String problem,
      List<String> labels,
      Marker.Form form,
      Integer level,
      String content,
      String title,
      boolean digitLabels) {
    @Override
    public String toString() {
      return line;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = TranscriptSplitterTest.resource("extract/markers.yaml")) {
      return Arrays.stream(new ObjectMapper(new YAMLFactory()).readValue(in, Case[].class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsTheMarkerAtTheStartOfALine(Case c) {
    Marker m = new MarkerParser(c.digitLabels()).parse(c.line(), 0);
    if (c.none()) {
      assertThat(m).as("no marker in '%s'", c.line()).isNull();
      return;
    }
    assertThat(m).as("a marker in '%s'", c.line()).isNotNull();
    assertThat(m.problem()).as("problem").isEqualTo(c.problem());
    assertThat(m.labels()).as("labels").isEqualTo(c.labels());
    assertThat(m.form()).as("form").isEqualTo(c.form());
    assertThat(m.level()).as("heading level").isEqualTo(c.level() == null ? 0 : c.level());
    String content = c.line().substring(Math.min(m.contentStart(), c.line().length())).strip();
    assertThat(content).as("content").isEqualTo(c.content() == null ? "" : c.content());
    if (c.title() != null) {
      assertThat(m.title()).as("title").isEqualTo(c.title());
    }
  }
}
