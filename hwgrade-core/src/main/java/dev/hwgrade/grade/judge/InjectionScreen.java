package dev.hwgrade.grade.judge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds answers that try to steer their grader: text shaped like the end of the answer block or a
 * chat role token, requests to be marked correct or given full marks, words addressed to the
 * grader, claims that the key points are made, imitations of the judge's reply, and — outside
 * quotation marks and code, so that an answer <em>about</em> prompt injection is not caught —
 * orders to ignore the instructions or the key, role-play, role lines ({@code System:}) and "new
 * instructions", in English and, for the common phrasings, German, French, Spanish, Italian,
 * Portuguese, Russian, Chinese and Japanese. The whole answer is screened, hidden parts included,
 * after Unicode compatibility normalisation, with format characters (zero-width spaces) removed,
 * runs of spaces made one and the text lower-cased.
 *
 * <p>A screen of phrasings cannot be complete; it is one of three defences, with the delimited
 * block the judge is told is untrusted and the quotes that must be found in the answer.
 */
public final class InjectionScreen {
  /** Answers are screened up to this many characters. */
  static final int MAX_CHARS = 200_000;

  /**
   * The text is lower-cased before matching: case-insensitive patterns are several times slower.
   */
  private static final int FLAGS = Pattern.MULTILINE;

  private record Rule(String what, Pattern pattern) {}

  private static final String WHO =
      "(?:grader|judge|evaluator|marker|examiner|reviewer|grading\\s+(?:model|system|ai)"
          + "|llm|language\\s+model|ai)";
  private static final String ANSWER = "(?:answer|response|solution|submission|work)";
  private static final String GOOD =
      "(?:fully\\s+|completely\\s+|entirely\\s+)?(?:correct|right|made|perfect|full\\s+marks"
          + "|full\\s+credit|passing|a\\s+pass|100\\s?%|10\\s?/\\s?10)";

  /** Rules that flag wherever they match, even in quotes or code. */
  private static final List<Rule> ANYWHERE =
      List.of(
          rule(
              "tries to close the answer block",
              "<\\s*/?\\s*(?:answer|student[_ -]?answer|model[_ -]?answer|response|untrusted[\\w-]*"
                  + "|instructions?|system|rubric|grader|judge|assistant|user)\\b[^>\\n]{0,40}>"),
          rule(
              "tries to close the answer block",
              "[\\[\\-=#*(<]\\s*end\\s+of\\s+(?:the\\s+)?(?:student'?s?\\s+|model'?s?\\s+)?"
                  + "(?:answer|response|submission)\\b"),
          rule(
              "uses a chat-format role token", "<\\|\\s*[a-z_]{2,20}\\s*\\|>|\\[/?inst]|<</?sys>>"),
          rule(
              "tells the grader to mark it correct",
              "\\b(?:mark|grade|score|rate|label|classify|evaluate|judge|treat|count|record|accept)"
                  + "\\s+(?:this|it|me|my\\s+"
                  + ANSWER
                  + ")(?:\\s+"
                  + ANSWER
                  + ")?\\s+(?:as\\s+)?"
                  + GOOD
                  + "\\b"),
          rule(
              "tells the grader to mark it correct",
              "\\b(?:mark|grade|score|rate|label|classify|evaluate|judge|treat|count)"
                  + "\\s+(?:the|each|every|all)\\s+(?:\\w+\\s+){0,2}?as\\s+"
                  + GOOD
                  + "\\b"),
          rule(
              "asks for full marks",
              "\\b(?:give|award|grant|assign)\\s+(?:me\\s+|this\\s+|it\\s+|my\\s+|the\\s+)?(?:"
                  + ANSWER
                  + "\\s+)?(?:full|maximum|max|all(?:\\s+the)?|perfect)\\s+"
                  + "(?:marks|credit|points|score)"),
          rule(
              "asks for full marks",
              "\\b(?:deserves|earns|merits)\\s+(?:full|maximum|all\\s+the)\\s+(?:marks|credit|points)"),
          rule(
              "addresses the grader",
              "\\bas\\s+(?:the|a|an|my)\\s+(?:\\w+\\s+)?"
                  + WHO
                  + "\\b[\\s,:;]+(?:you|please|your)\\b"),
          rule(
              "addresses the grader",
              "\\b(?:dear|hey|hi|hello|attention|note\\s+(?:to|for)|message\\s+(?:to|for)"
                  + "|instructions?\\s+(?:to|for)|reminder\\s+(?:to|for))\\s*,?\\s+(?:the\\s+)?"
                  + "(?:ai\\s+)?"
                  + WHO
                  + "\\b"),
          rule(
              "addresses the grader",
              "\\b(?:grader|judge|evaluator|marker|examiner)\\s*[:,]\\s*"
                  + "(?:please|you|ignore|mark|give|award)\\b"),
          rule(
              "claims its key points are made",
              "\\b(?:all|every|each)\\s+(?:of\\s+the\\s+)?(?:key|rubric|required)\\s+points?\\s+"
                  + "(?:are|is|were|was|have\\s+been|has\\s+been)\\s+"
                  + "(?:made|met|satisfied|covered|addressed|fulfilled)"),
          rule(
              "claims its key points are made",
              "\\bthis\\s+"
                  + ANSWER
                  + "\\s+(?:makes|covers|addresses|satisfies|meets)\\s+(?:all|every)\\s+"
                  + "(?:the\\s+|of\\s+the\\s+)?(?:key|rubric)\\s+points?"),
          rule(
              "imitates the judge's reply",
              "\"(?:decision|verdict)\"\\s*:\\s*\"|\\{\\s*\"points\"\\s*:"),
          rule(
              "states its own verdict",
              "\\bthe\\s+(?:correct|expected|right|appropriate|proper|final)\\s+verdict\\b"
                  + "|\\b(?:grade|verdict)\\s*[:=]\\s*\"?(?:correct|full)"),
          rule(
              "claims to be a system or grader message",
              "\\b(?:system|admin|administrator|developer|grader|teacher|instructor)\\s+"
                  + "(?:override|message|notice|note|instructions?|prompt)\\s*[:\\]]"
                  + "|\\[\\s*(?:system|admin|developer|grader|instructor)(?:\\s+\\w+)?\\s*]"),
          rule(
              "claims to be graded already",
              "\\bthis\\s+"
                  + ANSWER
                  + "\\s+(?:has\\s+been|was|is)\\s+(?:already\\s+)?"
                  + "(?:verified|approved|pre-?graded|graded|checked|confirmed)\\s+(?:as\\s+)?"
                  + "(?:correct|by\\s+(?:the\\s+)?(?:teacher|instructor|professor|ta|grader))"),
          rule(
              "asks not to be penalised",
              "\\b(?:do\\s+not|don't|never)\\s+(?:penali[sz]e|deduct|mark\\s+(?:this|it|me)\\s+"
                  + "(?:down|wrong|incorrect)|fail\\s+(?:this|me))"));

  /** Rules that flag only outside quotation marks and code, where an answer may mention them. */
  private static final List<Rule> UNQUOTED =
      List.of(
          rule(
              "tells the grader to ignore its instructions or the key",
              "\\b(?:ignore|disregard|forget|override|bypass|skip|set\\s+aside|do\\s+not\\s+follow"
                  + "|don't\\s+follow|stop\\s+following)\\s+(?:(?:all|any|the|your|these|those)\\s+)*"
                  + "(?:(?:previous|prior|above|earlier|preceding|original|system|grading|marking"
                  + "|given|other)\\s+)*(?:instructions?|prompts?|rubrics?|answer\\s+key"
                  + "|key\\s+points?|marking\\s+scheme|grading\\s+(?:criteria|scheme|rules|guidelines)"
                  + ")\\b"),
          rule(
              "tells the grader to ignore its instructions or the key",
              "\\b(?:ignore|disregard|forget)\\s+(?:all\\s+|the\\s+|your\\s+)*(?:previous|prior"
                  + "|above|earlier|grading|marking)\\s+(?:rules|guidance|context|directions)\\b"),
          rule(
              "asks the grader to play a role",
              "\\b(?:you\\s+are\\s+now|from\\s+now\\s+on,?\\s+you(?:\\s+are)?|pretend\\s+(?:that\\s+)?"
                  + "you\\s+are|pretend\\s+to\\s+be|act\\s+as|role-?play\\s+as|imagine\\s+you\\s+are"
                  + "|you\\s+will\\s+now\\s+act\\s+as)\\s+(?:a\\s+|an\\s+|the\\s+|my\\s+)?"
                  + "(?:\\w+\\s+){0,2}?(?:grader|judge|evaluator|marker|examiner|teacher|assistant"
                  + "|dan)\\b"),
          rule("asks the grader to play a role", "\\b(?:developer|god|jailbreak|dan)\\s+mode\\b"),
          rule(
              "writes a chat role line",
              "^[ \\t>#*]*(?:system|assistant|developer|grader|judge)\\s*:"),
          rule(
              "gives the grader new instructions",
              "\\b(?:new|updated|revised|additional|real|actual|true)\\s+(?:grading\\s+|marking\\s+"
                  + "|system\\s+)?(?:instructions|rubric|prompt)\\s*(?::|for\\s+(?:the\\s+)?"
                  + "(?:grader|judge|you|model|ai)\\b)"),
          rule(
              "tells the grader what it must do",
              "\\byou\\s+(?:must|should|shall|have\\s+to|need\\s+to|are\\s+required\\s+to|will)"
                  + "\\s+(?:now\\s+)?(?:mark|grade|award|rate|score)\\b"),
          rule(
              "tells the grader to ignore its instructions or the key",
              "\\b(?:ignoriere|ignorieren\\s+sie|vergiss|vergessen\\s+sie)\\s+(?:(?:alle|die|deine"
                  + "|ihre)\\s+)*(?:(?:vorherigen|bisherigen|obigen)\\s+)?(?:anweisungen"
                  + "|instruktionen|bewertungs\\w*|regeln)"
                  + "|\\bignore[rz]?\\s+(?:toutes\\s+)?(?:les|tes|vos)\\s+(?:instructions|consignes"
                  + "|règles)"
                  + "|\\bignora(?:r)?\\s+(?:todas\\s+|tutte\\s+)?(?:las|tus|sus|le)\\s+"
                  + "(?:instrucciones|reglas|istruzioni|regole)"
                  + "|\\bignore\\s+(?:todas\\s+)?as\\s+instruções"
                  + "|игнорируй(?:те)?\\s+(?:все\\s+)?(?:предыдущие\\s+)?(?:инструкции|указания)"
                  + "|忽略(?:之前|以上|上面|前面|所有)?的?(?:所有)?(?:指令|指示|说明|评分标准)"
                  + "|(?:指示|指令)を無視"),
          rule(
              "tells the grader to mark it correct",
              "\\b(?:bewerte|bewerten\\s+sie|markiere|markieren\\s+sie)\\s+(?:diese\\s+antwort|dies"
                  + "|sie|mich)\\s+als\\s+(?:richtig|korrekt)"
                  + "|\\b(?:note[rz]?|marque[rz]?|évalue[rz]?|considère|considérez)\\s+"
                  + "(?:cette\\s+réponse|ceci|la\\s+réponse)\\s+comme\\s+(?:correcte|juste|exacte)"
                  + "|\\b(?:marca|califica|evalúa|considera)\\s+(?:esta\\s+respuesta|esto)\\s+como\\s+"
                  + "correcta"
                  + "|\\b(?:valuta|segna|considera)\\s+(?:questa\\s+risposta|questo)\\s+come\\s+"
                  + "corrett[ao]"
                  + "|\\b(?:marque|avalie|considere)\\s+(?:esta\\s+resposta|isto)\\s+como\\s+correta"
                  + "|(?:оцени|отметь)(?:те)?\\s+(?:этот\\s+ответ|это)\\s+как\\s+(?:правильн|верн)"
                  + "|(?:判为|判定为|标记为|评为|给)(?:正确|满分)"
                  + "|正解(?:として|と)(?:採点|評価|判定)"),
          rule(
              "asks for full marks",
              "\\bvolle\\s+punkt(?:zahl|e)|\\bnote\\s+maximale|\\b(?:puntuación|nota|calificación)"
                  + "\\s+máxima|\\bpunteggio\\s+pieno"));

  private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}");
  private static final Pattern SPACES = Pattern.compile("[\\h&&[^\\n]]+");
  private static final Pattern QUOTED =
      Pattern.compile(
          "(?s)```.*?(?:```|\\z)|`[^`\\n]{1,300}`|\"[^\"\\n]{1,300}\"|“[^”\\n]{1,300}”"
              + "|„[^“”\\n]{1,300}[“”]|«[^»\\n]{1,300}»|‘[^’\\n]{1,300}’"
              + "|(?<!\\w)'[^'\\n]{1,300}'(?!\\w)|「[^」\\n]{1,300}」");

  private InjectionScreen() {}

  private static Rule rule(String what, String regex) {
    return new Rule(what, Pattern.compile(regex, FLAGS));
  }

  /**
   * What in the answer tries to steer the grader, one sentence per rule that matched, each quoting
   * the text; empty for an answer that does not.
   */
  public static List<String> screen(String answer) {
    if (answer == null || answer.isBlank()) {
      return List.of();
    }
    String t = answer.length() > MAX_CHARS ? answer.substring(0, MAX_CHARS) : answer;
    t = Normalizer.normalize(t, Normalizer.Form.NFKC);
    t = FORMAT_CHARS.matcher(t).replaceAll("");
    t = SPACES.matcher(t).replaceAll(" ").toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    apply(ANYWHERE, t, found, seen);
    apply(UNQUOTED, QUOTED.matcher(t).replaceAll(" "), found, seen);
    return List.copyOf(found);
  }

  private static void apply(List<Rule> rules, String text, List<String> found, List<String> seen) {
    for (Rule r : rules) {
      if (seen.contains(r.what())) {
        continue;
      }
      Matcher m = r.pattern().matcher(text);
      if (m.find()) {
        seen.add(r.what());
        found.add("the answer " + r.what() + ": \"" + clip(m.group()) + "\"");
      }
    }
  }

  private static String clip(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= 80 ? t : t.substring(0, 79) + "…";
  }
}
