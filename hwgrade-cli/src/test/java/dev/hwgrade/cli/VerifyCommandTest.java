package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hwgrade verify}: one output line per input line, in order; bad lines never stop the
 * stream.
 */
class VerifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void gradesLinesInOrderAndSurvivesBadOnes() throws Exception {
    String in =
        String.join(
            "\n",
            "{\"id\":\"t1\",\"kind\":\"boolean\",\"key\":\"true\",\"response\":\"**True.** Because rank(AB) <= k.\"}",
            "this is not json",
            "{\"id\":\"t3\",\"key\":\"false\",\"response\":\"This statement is true\",\"extra\":42}",
            "{\"id\":\"t4\",\"kind\":\"choice\",\"key\":\"B\",\"options\":{\"A\":\"x\",\"B\":\"y\"},\"response\":\"(B)\"}",
            "{\"id\":\"t5\",\"kind\":\"bogus\",\"key\":\"1\",\"response\":\"1\"}",
            "{\"id\":\"t6\",\"key\":\"yes\"}",
            "",
            "{\"id\":\"t7\",\"kind\":\"boolean\",\"key\":\"no\",\"response\":\"I don't know\"}");
    Cli.Run r = Cli.withInput(in, "verify");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> out = r.out().lines().map(VerifyCommandTest::json).toList();
    assertThat(out).hasSize(8);
    assertThat(out.stream().map(n -> n.get("id").isNull() ? null : n.get("id").asText()))
        .containsExactly("t1", null, "t3", "t4", "t5", "t6", null, "t7");
    assertThat(out.get(0).get("verdict").asText()).isEqualTo("correct");
    assertThat(out.get(0).get("grader").asText()).isEqualTo("boolean");
    assertThat(out.get(1).get("verdict").asText()).isEqualTo("needs_review");
    assertThat(out.get(1).get("explanation").asText())
        .contains("line 2")
        .contains("not valid JSON");
    assertThat(out.get(2).get("verdict").asText()).isEqualTo("incorrect");
    assertThat(out.get(3).get("verdict").asText()).isEqualTo("correct");
    assertThat(out.get(4).get("explanation").asText()).contains("unknown kind 'bogus'");
    assertThat(out.get(5).get("explanation").asText()).contains("'response' is missing");
    assertThat(out.get(6).get("explanation").asText()).isEqualTo("line 7 is blank");
    assertThat(out.get(7).get("verdict").asText()).isEqualTo("unanswered");
    for (JsonNode n : out) {
      assertThat(n.fieldNames())
          .toIterable()
          .containsExactly(
              "id", "verdict", "score", "confidence", "extracted", "explanation", "grader");
    }
  }

  @Test
  void streamsTenThousandLinesInOrder() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      boolean t = i % 3 == 0;
      in.append("{\"id\":\"")
          .append(i)
          .append("\",\"kind\":\"boolean\",\"key\":\"")
          .append(t)
          .append("\",\"response\":\"")
          .append(i % 2 == 0 ? "True" : "False")
          .append("\"}\n");
    }
    Cli.Run r = Cli.withInput(in.toString(), "verify");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(10_000);
    for (int i = 0; i < lines.size(); i += 997) {
      JsonNode n = json(lines.get(i));
      assertThat(n.get("id").asText()).isEqualTo(String.valueOf(i));
      boolean expected = (i % 3 == 0) == (i % 2 == 0);
      assertThat(n.get("verdict").asText()).isEqualTo(expected ? "correct" : "incorrect");
    }
  }

  @Test
  void invalidUtf8SpoilsOnlyItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path f = tmp.resolve("in.jsonl");
    byte[] good =
        "{\"id\":\"a\",\"kind\":\"boolean\",\"key\":\"true\",\"response\":\"True\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(good);
    bytes.write(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '\n'});
    bytes.write(good);
    java.nio.file.Files.write(f, bytes.toByteArray());
    Cli.Run r = Cli.run("verify", f.toString());
    assertThat(r.code()).isZero();
    List<JsonNode> out = r.out().lines().map(VerifyCommandTest::json).toList();
    assertThat(out)
        .extracting(n -> n.get("verdict").asText())
        .containsExactly("correct", "needs_review", "correct");
  }

  @Test
  void missingFileIsAUsageError() {
    Cli.Run r = Cli.run("verify", "no-such-file.jsonl");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-file.jsonl: no such file");
  }

  @Test
  void anOverLongLineIsOneNeedsReviewLineAndTheStreamGoesOn() {
    String good = "{\"id\":\"a\",\"kind\":\"boolean\",\"key\":\"true\",\"response\":\"True\"}";
    String huge = "{\"id\":\"big\",\"key\":\"" + "x".repeat(1_200_000) + "\"}";
    Cli.Run r = Cli.withInput(good + "\n" + huge + "\n" + good + "\n", "verify");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> out = r.out().lines().map(VerifyCommandTest::json).toList();
    assertThat(out)
        .extracting(n -> n.get("verdict").asText())
        .containsExactly("correct", "needs_review", "correct");
    assertThat(out.get(1).get("explanation").asText())
        .contains("line 2 is 1200021 characters long");
  }

  @Test
  void fieldErrorsAreSaidOnceAndRight() {
    String in =
        String.join(
            "\n",
            "{\"id\":\"a\",\"key\":[1],\"response\":\"1\"}",
            "{\"id\":\"b\",\"kind\":\"numeric\",\"key\":\"10\",\"sigfigs\":1e300,\"response\":\"10\"}",
            "{\"id\":\"c\",\"kind\":\"expression\",\"key\":\"(1,2)\",\"ordered\":\"no\",\"response\":\"(2,1)\"}",
            "{\"id\":12,\"kind\":\"boolean\",\"key\":\"true\",\"response\":\"True\"}");
    Cli.Run r = Cli.withInput(in, "verify");
    List<JsonNode> out = r.out().lines().map(VerifyCommandTest::json).toList();
    assertThat(out.get(0).get("explanation").asText()).isEqualTo("line 1: 'key' must be a string");
    assertThat(out.get(1).get("explanation").asText())
        .contains("'sigfigs' must be a whole number from 1 to 17");
    assertThat(out.get(2).get("explanation").asText()).contains("'ordered' must be true or false");
    assertThat(out.get(3).get("id").asText()).isEqualTo("12");
    assertThat(out.get(3).get("verdict").asText()).isEqualTo("correct");
  }

  @Test
  void aTimeLimitBeyondADayIsAUsageError() {
    Cli.Run r = Cli.withInput("", "verify", "--time-limit", "9223372036854775807");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--time-limit must be at most 86400000 ms");
  }

  @Test
  void anOutputThatFailsStopsTheRunWithAnError() {
    java.io.OutputStream broken =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
          }
        };
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      in.append("{\"id\":\"")
          .append(i)
          .append("\",\"kind\":\"boolean\",\"key\":\"true\",\"response\":\"True\"}\n");
    }
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        Main.run(
            new Env(
                new java.io.ByteArrayInputStream(
                    in.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new java.io.PrintStream(broken, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                Cli.CLOCK),
            "verify");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("cannot write the output");
  }

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }
}
