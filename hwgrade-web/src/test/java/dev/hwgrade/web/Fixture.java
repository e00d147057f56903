package dev.hwgrade.web;

import dev.hwgrade.Hwgrade;
import dev.hwgrade.grade.GradingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small assignment of true/false and choice parts (graded in milliseconds), two models, one part
 * the graders leave to a person, parts where the models disagree, and model-written text that
 * carries script: graded once, then copied for each test.
 */
final class Fixture {
  static final String ASSIGNMENT =
      """
      id: web-fixture
      title: "Review app fixture"
      problems:
        - id: "1"
          title: "Warm-up"
          parts:
            - id: a
              title: "Truth"
              question: "True or false: the product $AB$ of a 5x2 and a 2x5 matrix has rank at most 2."
              key: {kind: boolean, answer: "true"}
            - id: b
              title: "Pick one"
              question: "Which initialisation keeps $W_0 + AB = W_0$ at the start?"
              key:
                kind: choice
                answer: B
                explanation: "With $B = 0$ the product is $\\\\frac{0}{1} = 0$."
                options: {A: "both Gaussian", B: "B zero and A Gaussian", C: "both Xavier"}
            - id: c
              title: "Another truth"
              question: "True or false: soft prompting updates the base model's weights."
              key: {kind: boolean, answer: "false"}
      """;

  /** 1.a is left to a person (it never says true or false); script hides in 1.b and 1.c. */
  static final String MODEL_A =
      """
      model: "Model A"
      answers:
        "1.a": {reasoning: "rank(AB) <= 2.", answer: "The rank of AB cannot exceed 2."}
        "1.b":
          reasoning: "<script>window.xss = 1</script> With $B = 0$ the product is zero. <img src=x onerror=\\"window.xss = 2\\">"
          answer: "(B)"
        "1.c": {reasoning: "<img src=x onerror=\\"window.xss = 3\\"> Only the prompt is trained.", answer: "**False**"}
      """;

  static final String MODEL_B =
      """
      model: "Model B"
      answers:
        "1.a": {reasoning: "rank(AB) <= min(2, 2).", answer: "**True**"}
        "1.b": {reasoning: "Both Gaussian is the usual choice.", answer: "(A)"}
        "1.c": {reasoning: "It fine-tunes everything.", answer: "**True**"}
      """;

  private Fixture() {}

  /** Writes the assignment into {@code dir} and grades it, writing its reports. */
  static Path graded(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("responses"));
    Files.writeString(dir.resolve("assignment.yaml"), ASSIGNMENT);
    Files.writeString(dir.resolve("responses/model-a.yaml"), MODEL_A);
    Files.writeString(dir.resolve("responses/model-b.yaml"), MODEL_B);
    Hwgrade.writeReports(dir, Hwgrade.grade(dir, List.of(), GradingOptions.DEFAULT));
    return dir;
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
