package dev.hwgrade.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the committed fuzz corpus, {@code src/test/resources/fuzz/<reader>/*.txt}: seeds from
 * real notation and every input that once crashed or hung a reader. Each file is one input, read as
 * UTF-8 exactly as stored.
 */
class FuzzCorpusTest {
  @TestFactory
  Stream<DynamicTest> everyCorpusInputGivesAResult() throws IOException, URISyntaxException {
    Path root = Path.of(FuzzCorpusTest.class.getResource("/fuzz").toURI());
    List<DynamicTest> tests = new java.util.ArrayList<>();
    for (FuzzTarget t : FuzzTarget.values()) {
      Path dir = root.resolve(t.dir());
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      }
      assertThat(files).as("corpus for " + t.dir()).isNotEmpty();
      for (Path f : files) {
        String input = Files.readString(f, StandardCharsets.UTF_8);
        tests.add(DynamicTest.dynamicTest(t.dir() + "/" + f.getFileName(), () -> t.check(input)));
      }
    }
    return tests.stream();
  }
}
