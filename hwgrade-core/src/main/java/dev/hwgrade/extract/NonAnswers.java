package dev.hwgrade.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises answers that are no answer: blank, or only saying that the model does not know or
 * cannot answer. A text that declines and then answers anyway ("I don't know of a closed form; the
 * answer is 3") is an answer: every sentence must decline for the whole to count as none.
 */
public final class NonAnswers {
  /** Longer texts are answers: nobody needs 400 characters to say "I don't know". */
  private static final int MAX_LENGTH = 400;

  private static final String WHAT = "(?: (?:this|that|it|these|the|all of this))?";
  private static final String WHICH =
      "(?: (?:one|part|problem|question|exercise|step|sub-?part|sub-?question"
          + "|calculation|derivation))?";
  private static final String ACT =
      "(?:solve|do|answer|approach|compute|calculate|derive|prove|show|tackle|finish|complete"
          + "|determine|find|figure out|work out|estimate|evaluate|simplify|interpret)";

  /** What a decline may add without saying anything: "…without a calculator", "…exactly". */
  private static final String HEDGES =
      "(?: (?:exactly|precisely|correctly|fully|properly|reliably|here|now|for sure|at the moment"
          + "|in closed form|by hand|from memory|without (?:a calculator|a computer"
          + "|more (?:information|context|details))|with (?:the )?(?:given|available|provided)"
          + " information))*";

  /** Each alternative must match a whole sentence (lower case, whitespace collapsed). */
  private static final Pattern DECLINE =
      Pattern.compile(
          "(?:(?:final )?answer ?: ?)?(?:(?:sorry|unfortunately|honestly|apologies)[, ]+(?:but"
              + " )?)?(?:"
              // I don't know / I do not know how to solve this part / I don't know the answer
              + "i (?:really |honestly |simply |just )?(?:do not|don't|dont|did not|didn't) know"
              + "(?: how to "
              + ACT
              + WHAT
              + WHICH
              + "| the (?:final |correct )?answer(?: (?:to|for) (?:this|that|it)"
              + WHICH
              + ")?| what the (?:final |correct )?answer is|"
              + " (?:this|that|it)"
              + WHICH
              + "| for sure| here)?"
              // I'm not sure / I am not sure how to solve this
              + "|i(?:'m| am) (?:not (?:sure|certain|confident)|unsure|uncertain)"
              + "(?: how to "
              + ACT
              + WHAT
              + WHICH
              + "| (?:of|about) (?:the|this|my) answer| what the answer is| here)?"
              // I cannot solve this / I am unable to determine the answer
              + "|i (?:cannot|can't|cant|can not|could not|couldn't|am unable to|'m unable to"
              + "|am not able to|'m not able to|was unable to|was not able to) "
              + "(?:"
              + ACT
              + "|provide an answer(?: to| for)?|give an answer(?: to| for)?)"
              + "(?: (?:this|that|it|the answer(?: to this)?))?"
              + WHICH
              + "(?: (?:with|from|given) (?:the )?(?:given|available|provided) information)?"
              // I have no idea (how to solve this)
              + "|(?:i (?:have|had) )?no idea(?: how to "
              + ACT
              + WHAT
              + WHICH
              + ")?"
              // I'll skip this part
              + "|i(?:'ll| will) (?:skip|pass on) (?:this|that|it)"
              + WHICH
              // placeholders
              + "|n/?a|no answer(?: given| provided)?|not answered|unanswered|no"
              + " response|unknown|unsure|not sure|don't know|dont"
              + " know|idk|skip(?:ped)?|tbd|todo|blank|\\?+|-+|—+|–+)"
              + HEDGES);

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;…\\n]+");
  private static final Pattern MARKUP = Pattern.compile("[*_`#>]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A hedge or refusal in any common wording. */
  private static final Pattern REFUSAL =
      Pattern.compile(
          "\\b(?:i(?:'m| am) not sure how|i(?:'ll| will| would| am going to) (?:leave|skip|pass on"
              + "|not (?:answer|attempt|guess))|(?:can't|cannot|can not|couldn't|could not"
              + "|unable to|not able to|impossible to)(?: be)? (?:determine|compute|calculate"
              + "|answer|solve|find|evaluate|give|say|tell|decide|work out|figure out)"
              + "|(?:don't|do not|doesn't|does not) (?:have|give|provide) enough (?:information|data"
              + "|context|detail)|not enough (?:information|data|context)|insufficient"
              + " (?:information|data)|(?:i (?:don't|do not) know|no idea|not sure)"
              + "|without (?:more|further|additional) (?:information|context|data)"
              + "|i(?:'d| would) rather not (?:answer|guess|say)|\\bskip(?:ping)? (?:this|that|it)"
              + "|not (?:determinable|computable|answerable)|\\bindeterminable\\b"
              + "|(?:is|are) (?:not given|missing|not provided|not specified))");

  /** After a hedge, what gives an answer anyway: "…, but I think it's 5 m/s". */
  private static final Pattern ANSWER_AFTER_HEDGE =
      Pattern.compile(
          "\\b(?:but|so|though|although|however|anyway)\\b.*\\b(?:i think|i'd say|i would say"
              + "|my (?:best )?guess|probably|likely|roughly|about|approximately|it(?:'s| is)"
              + "|the answer is)\\b");

  private NonAnswers() {}

  /**
   * True when the text is blank, only declines ({@link #isNonAnswer}), or is a hedge or refusal in
   * any wording ("I'm not sure how you want this normalised, so I'll leave this one", "cannot be
   * answered without the mass") with no number or formula in it. For answers whose key is a value
   * (numbers, expressions): an explanation such as "it cannot be determined" may itself be the
   * answer to a text key.
   */
  public static boolean isRefusal(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    if (text.length() > MAX_LENGTH * 2) {
      return false;
    }
    if (isNonAnswer(text)) {
      return true;
    }
    if (text.length() > MAX_LENGTH || hasValue(text)) {
      return false;
    }
    String t = normalise(text);
    return !ANSWER_AFTER_HEDGE.matcher(t).find() && REFUSAL.matcher(t).find();
  }

  /** A digit or a formula's character: the text states some value. */
  private static boolean hasValue(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || "$\\=^_".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** True when the text is blank or only declines to answer. */
  public static boolean isNonAnswer(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    if (text.length() > MAX_LENGTH * 2 || hasValue(text)) {
      return false; // no way of declining writes a digit or a formula
    }
    String t = normalise(text);
    if (t.length() > MAX_LENGTH) {
      return false;
    }
    for (String sentence : SENTENCE_END.split(t)) {
      String s = trimBrackets(sentence);
      if (!s.isEmpty() && !DECLINE.matcher(s).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String normalise(String text) {
    String t = text.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
    t = MARKUP.matcher(t).replaceAll("");
    return t.strip();
  }

  /** Drops brackets, quotes, list bullets and spaces around a sentence. */
  private static String trimBrackets(String sentence) {
    String s = SPACES.matcher(sentence).replaceAll(" ").strip();
    if (s.startsWith("- ")) {
      s = s.substring(2);
    }
    int from = 0;
    int to = s.length();
    while (from < to && "([\"“'".indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && ")]\"”',:".indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to).strip();
  }
}
