package dev.hwgrade.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Escaping and Markdown for the HTML reports. Every string a model or a key wrote goes through
 * here: raw HTML is shown as text, links keep only safe schemes, images become their alt text (no
 * resource is fetched), and math spans ({@code $…$}, {@code $$…$$}, {@code \(…\)}, {@code \[…\]})
 * are kept intact, escaped, in a {@code span class="math"} that MathJax alone typesets.
 */
public final class Html {
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Html() {}

  /** Escapes text for an element's content or a quoted attribute. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Plain text with its math spans marked for MathJax; everything else escaped. */
  public static String text(String s) {
    List<String> math = new ArrayList<>();
    String held = protect(s == null ? "" : s, math);
    return restore(esc(held), math);
  }

  /** Markdown rendered to HTML, raw HTML escaped, math spans kept intact for MathJax. */
  public static String markdown(String s) {
    List<String> math = new ArrayList<>();
    String held = protect(s == null ? "" : s, math);
    Node doc = PARSER.parse(held);
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            StringBuilder alt = new StringBuilder();
            for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
              if (n instanceof Text t) {
                alt.append(t.getLiteral());
              }
            }
            image.insertBefore(new Text(alt.length() == 0 ? "[image]" : "[image: " + alt + "]"));
            image.unlink();
          }
        });
    return restore(RENDERER.render(doc), math);
  }

  /**
   * A final answer: Markdown as {@link #markdown}, except that one short line of bare LaTeX (a
   * command such as {@code \\frac} and no math delimiters) is typeset whole as inline math.
   */
  public static String answer(String s) {
    String t = s == null ? "" : s.strip();
    if (t.length() <= 300
        && t.indexOf('\n') < 0
        && t.indexOf('$') < 0
        && !t.contains("\\(")
        && !t.contains("\\[")
        && BARE_TEX.matcher(t).find()) {
      return "<p><span class=\"math\">" + esc("\\(" + t + "\\)") + "</span></p>\n";
    }
    return markdown(s);
  }

  private static final Pattern BARE_TEX = Pattern.compile("\\\\[a-zA-Z]{2,}");

  /** Replaces each math span by a numbered placeholder; the spans go to {@code math}. */
  static String protect(String s, List<String> math) {
    String in = s.replace(OPEN, ' ').replace(CLOSE, ' ');
    StringBuilder out = new StringBuilder(in.length());
    int i = 0;
    while (i < in.length()) {
      int end = mathEnd(in, i);
      if (end > i) {
        out.append(OPEN).append(math.size()).append(CLOSE);
        math.add(in.substring(i, end));
        i = end;
      } else {
        out.append(in.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** The end of a math span starting at {@code i}, or {@code i} when none starts there. */
  private static int mathEnd(String s, int i) {
    if (s.startsWith("$$", i)) {
      int e = s.indexOf("$$", i + 2);
      return e > i + 2 ? e + 2 : i;
    }
    if (s.startsWith("\\[", i)) {
      int e = s.indexOf("\\]", i + 2);
      return e > i + 2 ? e + 2 : i;
    }
    if (s.startsWith("\\(", i)) {
      int e = s.indexOf("\\)", i + 2);
      return e > i + 2 ? e + 2 : i;
    }
    if (s.charAt(i) == '$' && (i == 0 || s.charAt(i - 1) != '\\')) {
      if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1))) {
        return i;
      }
      for (int j = i + 1; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '\n' && j + 1 < s.length() && s.charAt(j + 1) == '\n') {
          return i;
        }
        if (c == '$' && s.charAt(j - 1) != '\\' && !Character.isWhitespace(s.charAt(j - 1))) {
          boolean digitAfter = j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
          return digitAfter ? i : j + 1;
        }
      }
    }
    return i;
  }

  private static String restore(String html, List<String> math) {
    StringBuilder sb = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      int close = c == OPEN ? html.indexOf(CLOSE, i) : -1;
      if (close > i + 1) {
        String n = html.substring(i + 1, close);
        int k = n.length() < 9 && n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : -1;
        if (k >= 0 && k < math.size()) {
          sb.append("<span class=\"math\">").append(esc(math.get(k))).append("</span>");
          i = close + 1;
          continue;
        }
      }
      if (c != OPEN && c != CLOSE) {
        sb.append(c);
      }
      i++;
    }
    return sb.toString();
  }
}
