package dev.hwgrade.grade.text;

import dev.hwgrade.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A response cut into the units a key point is matched against (its sentences and their clauses),
 * with each unit's sentence kept for quoting and its content words precomputed.
 */
public final class AnswerText {
  /** Units beyond this are ignored: a long answer's first sixty sentences and clauses. */
  static final int MAX_UNITS = 60;

  /**
   * Length counts up to this many words; past it, longer says nothing more. In student answers a
   * longer answer is more often right, but a model's answers are long whether right or wrong, so
   * the length signal saturates at the length of a full student answer.
   */
  static final int MAX_TOKENS = 25;

  private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\[A-Za-z]+");

  final String whole;
  final List<String> units = new ArrayList<>();
  final List<String> sentenceOf = new ArrayList<>();
  final List<Set<String>> unitStems = new ArrayList<>();

  /** Whether a unit is a leaf: a clause, or a sentence that has only one clause. */
  final List<Boolean> leaf = new ArrayList<>();

  final Set<String> stems;

  /** Whether the answer has any content word outside LaTeX commands ({@code \frac} is none). */
  final boolean hasWords;

  final Set<String> symbols;
  final int tokens;

  public AnswerText(String text) {
    String t = text == null ? "" : text.strip();
    // past this length an answer is read no further; the splitter stops at the same place
    whole =
        t.length() > SentenceSplitter.MAX_CHARS ? t.substring(0, SentenceSplitter.MAX_CHARS) : t;
    for (String s : SentenceSplitter.sentences(whole)) {
      if (units.size() >= MAX_UNITS) {
        break;
      }
      List<String> clauses = SentenceSplitter.clauses(s);
      add(s, s, clauses.size() <= 1);
      if (clauses.size() > 1) {
        for (String c : clauses) {
          if (units.size() < MAX_UNITS) {
            add(c, s, true);
          }
        }
      }
    }
    if (units.isEmpty()) {
      add(whole, whole, true);
    }
    stems = ContentWords.stems(whole);
    hasWords = !ContentWords.stems(LATEX_COMMAND.matcher(whole).replaceAll(" ")).isEmpty();
    symbols = Symbols.of(whole);
    tokens = whole.isBlank() ? 0 : Math.min(MAX_TOKENS, whole.split("\\s+").length);
  }

  private void add(String unit, String sentence, boolean isLeaf) {
    units.add(unit);
    leaf.add(isLeaf);
    sentenceOf.add(sentence);
    unitStems.add(new HashSet<>(ContentWords.stems(unit)));
  }
}
