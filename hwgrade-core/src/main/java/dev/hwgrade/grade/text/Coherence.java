package dev.hwgrade.grade.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence reads as a sentence rather than a bag of words. A clause that makes a key
 * point must state it: "gradients zero nothing trains" or the key's words shuffled make no claim,
 * however many of the key's words they hold. The test is structural and cheap — English needs
 * function words in their places — and flags a sentence only when:
 *
 * <ul>
 *   <li>it has four or more words and not one function word (article, preposition, auxiliary,
 *       conjunction, pronoun), in an answer without a stop or a comma anywhere;
 *   <li>words appear twice in a row, in the same case, twice over ("zero zero … both both"; "Has
 *       has" is a slip), or fewer than half of eight or more content words are distinct (keyword
 *       stuffing);
 *   <li>it ends, with a full stop, on an article or a conjunction ("… increases the.");
 *   <li>an article is followed by a function word ("the of"), or "both", "either" or "neither" by a
 *       conjunction ("both so") — but not "the are" or "their is", misspelt pronouns.
 * </ul>
 *
 * Sentences with the marks of notes, formulas or tuples (parentheses, colons, equals signs,
 * numbers, dashes before list items) are not read: they have a structure of their own. Short
 * phrases (under four words), and longer ones with function words in their places, are left alone:
 * "Increase the rank" is a fine answer.
 */
final class Coherence {
  private static final Set<String> ARTICLES =
      Set.of("the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "every");
  private static final Set<String> PREPOSITIONS =
      Set.of(
          "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "over",
          "under", "between", "through", "during", "about", "against", "across", "than", "per",
          "via", "within", "without", "after", "before", "as", "towards", "toward", "upon");
  private static final Set<String> AUXILIARIES =
      Set.of(
          "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
          "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
          "shall");
  private static final Set<String> CONJUNCTIONS =
      Set.of(
          "and",
          "or",
          "but",
          "so",
          "because",
          "if",
          "then",
          "while",
          "although",
          "since",
          "whereas",
          "nor",
          "that",
          "which",
          "who",
          "when",
          "where",
          "whether",
          "unless",
          "thus",
          "hence",
          "therefore");
  private static final Set<String> PRONOUNS =
      Set.of(
          "it", "they", "he", "she", "we", "you", "i", "them", "this", "these", "those", "there",
          "not", "no", "both", "each", "all", "any", "some", "one");
  private static final Set<String> MAY_END =
      Set.of(
          "so",
          "that",
          "then",
          "thus",
          "hence",
          "therefore",
          "as",
          "after",
          "before",
          "on",
          "in",
          "over",
          "through",
          "about",
          "to",
          "of",
          "by",
          "with");
  private static final Set<String> REPEATABLE = Set.of("that", "had", "is", "very");

  /** The share of a sentence's content words that must be the key's for it to be read. */
  static final double KEY_SHARE = 0.6;

  private static final Pattern TWICE =
      Pattern.compile("\\b([A-Za-z]{2,})\\s+\\1\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern STRUCTURE = Pattern.compile("[()=<>/:;\\[\\]{}|+*^_]|\\b\\d");

  /** Notes written as a list: "- larger addresses - simpler header". */
  private static final Pattern DASHED_LIST = Pattern.compile("(?:^|\\s)[-–•]\\s+\\S");

  private static final Pattern TABLE_ROW = Pattern.compile("\\|[^|]*\\|");
  private static final Pattern MATH =
      Pattern.compile("(?s)\\$\\$.*?\\$\\$|\\$[^$]*\\$|\\\\\\(.*?\\\\\\)|\\\\\\[.*?\\\\\\]");
  private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\[A-Za-z]+");
  private static final Pattern ENDS_SENTENCE = Pattern.compile("[A-Za-z][.!]\\s*$");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*|\\d+(?:\\.\\d+)?");

  private Coherence() {}

  /**
   * Why the sentence is not read as a sentence, or null when it reads as one. Only a sentence made
   * mostly of the key's words ({@value #KEY_SHARE} of its content words or more) is read: a bag of
   * the key's words is what could pass for a point, while notes, formulas and other languages are
   * left to the model.
   *
   * @param keyWords the content-word stems of the key; empty when the key is itself written as
   *     notes rather than sentences, so that answers in the same style are left alone
   * @param bareWords whether the answer has no punctuation at all (no stop, comma or semicolon):
   *     only then is a run of words without a function word a list rather than a headline
   *     ("Duplicate ACKs indicate heavy congestion.")
   */
  static String problem(String sentence, Set<String> keyWords, boolean bareWords) {
    if (sentence == null || keyWords.isEmpty() || TABLE_ROW.matcher(sentence).find()) {
      return null; // a table row states its relation by its columns
    }
    String prose = withoutMath(sentence);
    boolean hadMath = !prose.equals(sentence);
    if (STRUCTURE.matcher(prose).find() || DASHED_LIST.matcher(prose).find()) {
      return null; // notes, formulas and tuples have a structure of their own
    }
    Set<String> stems = ContentWords.stems(prose);
    if (stems.isEmpty() || ContentWords.coverage(stems, keyWords) < KEY_SHARE) {
      return null;
    }
    List<String> w = words(prose);
    int n = w.size();
    if (n < 3) {
      return null;
    }
    long function = w.stream().filter(Coherence::isFunctionWord).count();
    if (bareWords && n >= 4 && function == 0 && !hadMath) {
      return "a list of words without a sentence";
    }
    Matcher twice = TWICE.matcher(prose);
    List<String> repeats = new ArrayList<>();
    while (twice.find()) {
      String second = twice.group().substring(twice.group().length() - twice.group(1).length());
      // "Has has", "The the": a slip of the keyboard, not a word listed twice
      boolean slip = !second.equals(twice.group(1));
      if (!slip && !REPEATABLE.contains(twice.group(1).toLowerCase(Locale.ROOT))) {
        repeats.add(twice.group());
      }
    }
    if (repeats.size() >= 2) {
      return "words repeated as a list (\"" + String.join("\", \"", repeats) + "\")";
    }
    List<String> content = w.stream().filter(x -> !isFunctionWord(x)).toList();
    if (content.size() >= 8 && content.stream().distinct().count() * 2 < content.size()) {
      return "the same few words repeated";
    }
    String last = w.get(n - 1);
    // only a finished sentence is read for its last word: a wrapped line may stop anywhere
    if (ENDS_SENTENCE.matcher(sentence).find()
        && (ARTICLES.contains(last) || CONJUNCTIONS.contains(last))
        && !MAY_END.contains(last)
        && !last.equals("a")) {
      return "words in no English order (it ends on \"" + last + "\")";
    }
    for (int i = 1; i < n; i++) {
      String a = w.get(i - 1);
      String b = w.get(i);
      boolean articleThenFunction =
          ARTICLES.contains(a)
              && !a.equals("a")
              && !a.equals("its")
              && !b.equals("a") // "between the A and C": a letter, not an article
              && !misspeltPronoun(a, b)
              && (ARTICLES.contains(b)
                  || PREPOSITIONS.contains(b)
                  || AUXILIARIES.contains(b)
                  || CONJUNCTIONS.contains(b));
      boolean pairThenConjunction =
          (a.equals("both") || a.equals("either") || a.equals("neither"))
              && CONJUNCTIONS.contains(b)
              && !b.equals("that")
              && !b.equals("which");
      if (articleThenFunction || pairThenConjunction) {
        return "words in no English order (\"" + a + " " + b + "\")";
      }
    }
    return null;
  }

  /**
   * Whether an article before a function word is a misspelt pronoun, as students write it: "the
   * are" for "they are", "their is" for "there is", "their on" for "they're on" — a slip of one
   * word in a sentence, not the key's words strung together ("the of" stays flagged).
   */
  private static boolean misspeltPronoun(String article, String next) {
    return article.equals("their") || (article.equals("the") && AUXILIARIES.contains(next));
  }

  /** The text without its LaTeX: math spans and commands become spaces. */
  static String withoutMath(String text) {
    return LATEX_COMMAND.matcher(MATH.matcher(text).replaceAll(" ")).replaceAll(" ");
  }

  /** Whether a text is written in sentences: a tenth or more of its words are function words. */
  static boolean isProse(String text) {
    List<String> w = words(text);
    return !w.isEmpty() && w.stream().filter(Coherence::isFunctionWord).count() * 10 >= w.size();
  }

  static boolean isFunctionWord(String w) {
    return ARTICLES.contains(w)
        || PREPOSITIONS.contains(w)
        || AUXILIARIES.contains(w)
        || CONJUNCTIONS.contains(w)
        || PRONOUNS.contains(w)
        || w.endsWith("n't");
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s == null ? "" : s);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
