package dev.hwgrade.grade.text;

import dev.hwgrade.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a sentence of an answer only restates the question: it follows one of the question's
 * sentences word for word (at least {@value #SHARE} of its content words, in order) and adds at
 * most {@value #EXTRA} content words of its own. "A catalyst speeds up a chemical reaction" for
 * "Why does a catalyst speed up a chemical reaction?" answers nothing.
 */
final class Restatement {
  static final double SHARE = 0.8;
  static final int EXTRA = 2;
  private static final int MIN_WORDS = 3;

  private static final java.util.Set<String> QUESTION_WORDS =
      java.util.Set.of("what", "why", "how", "which", "when", "where", "who", "whom", "whose");

  private static final java.util.regex.Pattern YES_NO_QUESTION =
      java.util.regex.Pattern.compile(
          "^\\W*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|may|might"
              + "|must)\\b.*\\?\\s*$",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final List<List<String>> questionSentences = new ArrayList<>();
  private final List<String> question;

  Restatement(String question) {
    this.question = sequence(question);
    for (String s : SentenceSplitter.sentences(question == null ? "" : question)) {
      if (YES_NO_QUESTION.matcher(s).find()) {
        continue; // "Does X hold?" is answered by "X holds"
      }
      List<String> seq = sequence(s);
      if (seq.size() >= MIN_WORDS) {
        questionSentences.add(seq);
      }
    }
  }

  /** The content words in order, without function words and question words. */
  private static List<String> sequence(String text) {
    List<String> out = new ArrayList<>();
    for (String w : (text == null ? "" : text).split("[^A-Za-z0-9_]+")) {
      String lw = w.toLowerCase(java.util.Locale.ROOT);
      if (w.isEmpty() || Coherence.isFunctionWord(lw) || QUESTION_WORDS.contains(lw)) {
        continue;
      }
      out.addAll(RelationOrder.sequence(w));
    }
    return out;
  }

  boolean restates(String sentence) {
    return restates(sentence, java.util.Set.of());
  }

  /**
   * Whether the sentence only restates the question. A sentence whose few words beyond the
   * question's include a content word of the key ("The chemical reaction indicates sugar." for
   * "What does this chemical reaction indicate?", the key "The food contains sugar.") answers it.
   *
   * @param keyWords the content-word stems of the key (may be empty)
   */
  boolean restates(String sentence, java.util.Set<String> keyWords) {
    if (questionSentences.isEmpty()) {
      return false;
    }
    if (ContradictionCues.negations(sentence) > 0 || Polarity.ofAnswer(sentence) != 0) {
      return false; // a negation or a yes/no answers the question
    }
    List<String> a = sequence(Coherence.withoutMath(sentence));
    int inOrder = RelationOrder.lcs(question, a);
    if (a.size() < MIN_WORDS || a.size() - inOrder > EXTRA) {
      return false;
    }
    for (int i = 0; i < a.size() && inOrder < a.size(); i++) {
      if (!keyWords.contains(a.get(i))) {
        continue;
      }
      List<String> without = new ArrayList<>(a);
      without.remove(i);
      if (RelationOrder.lcs(question, without) == inOrder) {
        return false; // the word is not the question's, in its place: the key's word, added
      }
    }
    for (List<String> q : questionSentences) {
      if (RelationOrder.lcs(q, a) >= SHARE * q.size()) {
        return true;
      }
    }
    return false;
  }
}
