package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwgrade.model.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile transcripts: 1 MB of repeated markers, delimiters that never close, random Markdown. Each
 * must give a well-formed result in bounded time, or the one declared exception.
 */
class TranscriptSplitterPathologicalTest {
  private static final List<String> PARTS =
      List.of("1.a", "1.b", "1.c", "2.a.i", "2.a.ii", "2.b", "5.g", "5.g2", "5.h", "5.i");

  /**
   * Big enough that a step quadratic in the length (10^12 operations) or a regular expression that
   * backtracks runs far past the timeout, small enough to keep the suite fast; the size limit
   * itself is checked by {@link #refusesATranscriptLongerThanTheLimit}.
   */
  private static final int SIZE = 1024 * 1024;

  private final TranscriptSplitter splitter = new TranscriptSplitter(PARTS);

  static Stream<Arguments> pathological() {
    return Stream.of(
        Arguments.of("plain labels on every line", fill("(a)\n")),
        Arguments.of("bold labels on one line", fill("**(a)** ")),
        Arguments.of("markers for parts that do not exist", fill("## Problem 7\n### (q)\n")),
        Arguments.of("the same part answered a million times", fill("## Problem 1\n### (a)\nx\n")),
        Arguments.of("bold markers never closed", fill("**")),
        Arguments.of("display math never closed", fill("$$\n")),
        Arguments.of("bracket math never closed", fill("\\[ x\n")),
        Arguments.of("code fences never closed", fill("```x\n")),
        Arguments.of("fences of growing length", fill("````\n```\n")),
        Arguments.of("boxes never closed", fill("\\boxed{")),
        Arguments.of("nested boxes", "\\boxed{".repeat(SIZE / 14) + "}".repeat(SIZE / 14)),
        Arguments.of("hashes", fill("#")),
        Arguments.of("half a part clause", fill("Problem 1, part (")),
        Arguments.of("half a part clause per line", fill("Problem 1, part (\n")),
        Arguments.of("one long word", fill("a")),
        Arguments.of("only newlines", fill("\n")),
        Arguments.of("only carriage returns", fill("\r")),
        Arguments.of("declines", fill("I don't know. ")),
        Arguments.of("answer markers", fill("Final answer: \n")),
        Arguments.of("answer is", fill("the answer is ")),
        Arguments.of("dollars", fill("$")),
        Arguments.of("backticks", fill("`")),
        Arguments.of("quotes and headings", fill("> ### **Part (")),
        Arguments.of("summary blocks", fill("### Final answers\n- (a) 1\n- (b) 2\n")),
        Arguments.of("summary heads without entries", fill("Summary:\n\n")),
        Arguments.of("summary table rows", fill("| (a) | 1 |\n")),
        Arguments.of("summary tables", fill("| Part | Answer |\n| (a) | 1 |\n\n")),
        Arguments.of("one table row of bars", fill("|")),
        Arguments.of("inline labels", fill("(a) x (b) y (c) z (g) w (h) v (i) u ")),
        Arguments.of("a realistic transcript repeated to 1 MB", fill(realistic())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathological")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void givesAResultQuickly(String name, String text) {
    long start = System.nanoTime();
    TranscriptSplit split = splitter.split("t.md", text);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("split %-45s %,d chars in %,d ms%n", name, text.length(), millis);
    assertWellFormed(split, text);
  }

  @Test
  void refusesATranscriptLongerThanTheLimit() {
    String text = "x".repeat(TranscriptSplitter.MAX_CHARS + 1);
    assertThatThrownBy(() -> splitter.split("huge.md", text))
        .isInstanceOf(TranscriptTooLargeException.class)
        .hasMessageStartingWith("huge.md: ");
  }

  private static final String[] TOKENS = {
    "\n",
    "\n\n",
    " ",
    "## ",
    "### ",
    "# ",
    "**",
    "*",
    "_",
    "> ",
    "- ",
    "1. ",
    "Problem ",
    "Question ",
    "Part ",
    "part ",
    ", ",
    "1",
    "2",
    "5",
    "7",
    "(a)",
    "(b)",
    "(c)",
    "(g)",
    "(h)",
    "(i)",
    "(ii)",
    "a)",
    "b.",
    "2(a)(i)",
    "5.g",
    "2.a.ii",
    "(",
    ")",
    ":",
    ".",
    "$",
    "$$",
    "\\[",
    "\\]",
    "```",
    "~~~",
    "`",
    "\\boxed{",
    "{",
    "}",
    "Final answer:",
    "**Answer:**",
    "the answer is ",
    "I don't know.",
    "42",
    "TRUE",
    "text ",
    "Let me know",
    "---",
    "|",
    "\r",
    "\t",
    "é",
    "\uD83D\uDE00",
    "\uD800",
    "\u0000"
  };

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void randomMarkdownAlwaysGivesAWellFormedResult() {
    Random random = new Random(182);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int tokens = random.nextInt(round < 2900 ? 300 : 20_000);
      for (int t = 0; t < tokens; t++) {
        sb.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      String text = sb.toString();
      assertWellFormed(splitter.split("fuzz.md", text), text);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void randomCharactersAlwaysGiveAWellFormedResult() {
    Random random = new Random(11);
    for (int round = 0; round < 2000; round++) {
      char[] chars = new char[random.nextInt(2000)];
      for (int k = 0; k < chars.length; k++) {
        chars[k] =
            random.nextInt(4) == 0
                ? (char) random.nextInt(0x10000)
                : "(a)#*\n$`12 .:".charAt(random.nextInt(13));
      }
      String text = new String(chars);
      assertWellFormed(splitter.split("chars.md", text), text);
    }
  }

  private static void assertWellFormed(TranscriptSplit split, String text) {
    long lines = lineCount(text);
    assertThat(PARTS).containsAll(split.answers().keySet());
    for (var e : split.answers().entrySet()) {
      Answer a = e.getValue();
      assertThat(a.partId()).isEqualTo(e.getKey());
      assertThat(a.location().line()).isBetween(1, (int) lines);
      assertThat(a.location().column()).isPositive();
      if (a.finalAnswer() != null) {
        assertThat(a.finalAnswer())
            .isNotBlank()
            .hasSizeLessThanOrEqualTo(FinalAnswerExtractor.MAX_ANSWER_CHARS + 2);
      }
    }
    assertThat(split.warnings()).hasSizeLessThanOrEqualTo(MarkerResolver.MAX_WARNINGS + 1);
    for (TranscriptWarning w : split.warnings()) {
      assertThat(w.location().line()).isBetween(1, (int) lines);
    }
  }

  /** Lines as an editor counts them: ends are \n, \r\n or a lone \r. */
  private static long lineCount(String text) {
    long count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        count++;
      }
    }
    return count;
  }

  private static String fill(String unit) {
    return unit.repeat(Math.max(1, SIZE / unit.length()));
  }

  private static String realistic() {
    try (InputStream in = TranscriptSplitterTest.resource("extract/transcripts/eecs182-like.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
