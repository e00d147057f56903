package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad files give every located problem at once, exit code 2 and no stack trace. */
class BadInputTest {
  private static final String BAD = Path.of("src/test/resources/bad").toString();

  @Test
  void reportsEveryProblemOfEveryFileAtOnce() {
    Cli.Run r = Cli.run("validate", BAD + "/many-errors");
    assertThat(r.code()).isEqualTo(2);
    String a = BAD + "/many-errors/assignment.yaml";
    String resp = BAD + "/many-errors/responses/model-x.yaml";
    assertThat(r.err())
        .contains(a + ":12:") // unknown kind, at the kind value
        .contains(
            "unknown kind 'guess' in part 1.b; known kinds: text, expression, numeric, boolean, choice")
        .contains("part 1.c has no key (and no sub-parts)")
        .contains("duplicate part id '1.a' (first defined at line 7)")
        .contains("unknown field 'tolerence'")
        .contains("did you mean 'tolerance'?")
        .contains("the answer 'E' is not one of the options A, B in part 2.a")
        .contains(resp + ":4:")
        .contains("a response for a part that does not exist: '1.z'")
        .contains("unknown field 'confidence' in the answer to 2.a")
        .contains(
            BAD
                + "/many-errors/responses/model-y.md:7:4: warning: response for a problem that does not exist: 'Problem 9'");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().lines().filter(l -> l.startsWith(BAD)).count()).isGreaterThanOrEqualTo(7);
  }

  @Test
  void everyMessageIsLocatedByLineAndColumn() {
    Cli.Run r = Cli.run("validate", BAD + "/many-errors");
    r.err()
        .lines()
        .filter(l -> l.contains(": error: "))
        .forEach(l -> assertThat(l).matches(".*\\.(yaml|md):\\d+:\\d+: error: .+"));
  }

  @Test
  void brokenYamlIsOneLocatedError() {
    Cli.Run r = Cli.run("grade", BAD + "/broken-yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .containsPattern("broken-yaml/assignment\\.yaml:\\d+:\\d+: error: invalid YAML");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void keysTheGradersCannotUseAreErrorsForValidateAndWarningsForGrade() {
    Cli.Run v = Cli.run("validate", BAD + "/bad-keys");
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err())
        .contains(
            "assignment.yaml:5:9: error: the key of part 1.a: the key's answer 'about lots' holds no number")
        .contains("the key of part 1.b: '\\frac{1}{' cannot be read as mathematics")
        .contains("the key of part 1.c:")
        .contains("3 errors");
  }

  @Test
  void yamlAliasIsALocatedErrorNotTheAliasName() {
    // `answer: *four` used to become the key "four" and pass validate.
    Cli.Run r = Cli.run("validate", BAD + "/aliases-duplicates");
    assertThat(r.code()).isEqualTo(2);
    String a = BAD + "/aliases-duplicates/assignment.yaml";
    assertThat(r.err())
        .contains(a + ":8:38: error: YAML alias '*four' is not supported")
        .doesNotContain("'four'");
  }

  @Test
  void duplicatesAfterTrimmingAreErrorsReportedWithEveryOtherProblem() {
    Cli.Run r = Cli.run("validate", BAD + "/aliases-duplicates");
    assertThat(r.code()).isEqualTo(2);
    String a = BAD + "/aliases-duplicates/assignment.yaml";
    String resp = BAD + "/aliases-duplicates/responses/model-x.yaml";
    assertThat(r.err())
        .contains(resp + ":4:3: error: a second answer to part 1.a (first at line 3)")
        .contains(a + ":13:44: error: duplicate option 'a' in part 1.c (first at line 13)")
        .contains(a + ":19:15: error: duplicate key point in part 1.d (first at line 18)")
        .contains("5 errors");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void duplicateAnswerIsNotGradedSilentlyAsTheSecond() {
    Cli.Run r = Cli.run("grade", BAD + "/aliases-duplicates");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("a second answer to part 1.a");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void nestedAliasesStayBounded() {
    // Nine levels of ten aliases each would expand to a billion items if aliases were resolved.
    Cli.Run r = Cli.run("validate", BAD + "/yaml-bomb");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .containsPattern("yaml-bomb/assignment\\.yaml:9:\\d+: error: YAML alias '\\*a0'")
        .doesNotContain("Exception");
  }

  @Test
  void missingFolderIsAUsageError() {
    Cli.Run r = Cli.run("grade", "no/such/folder");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no/such/folder: error: not a folder");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Run r = Cli.run("grade", "--frobnicate", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void unknownModelIsAnInputError() {
    Cli.Run r = Cli.run("grade", "src/test/resources/good/tiny", "--model", "nobody");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no response file for model 'nobody'; models here: model-a");
  }

  @Test
  void helpOnEveryCommand() {
    for (String c : new String[] {"grade", "verify", "validate"}) {
      Cli.Run r = Cli.run(c, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: hwgrade " + c);
    }
    assertThat(Cli.run("--help").out())
        .contains("Exit codes: 0 ok, 1 failure, 2 usage or input error.");
  }
}
