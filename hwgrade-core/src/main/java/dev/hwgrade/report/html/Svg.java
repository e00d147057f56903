package dev.hwgrade.report.html;

import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts: horizontal bars of scores, and bars of verdict counts. */
public final class Svg {
  private static final int LABEL = 180;
  private static final int BAR = 300;
  private static final int ROW = 22;

  private Svg() {}

  /** The opening of a chart: its class, size and title. */
  private static StringBuilder open(String kind, int w, int h, String title) {
    return new StringBuilder()
        .append("<svg class=\"chart ")
        .append(kind)
        .append("\" role=\"img\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title>");
  }

  /** One bar of a score chart: a label, a score 0..1 (NaN when nothing is decided), its words. */
  public record Bar(String label, double score, String words) {}

  /** Horizontal bars, one per item, each as long as its score. */
  public static String scores(String title, List<Bar> bars) {
    int h = ROW * bars.size() + 8;
    int w = LABEL + BAR + 140;
    StringBuilder sb = open("scores", w, h, title);
    int y = 4;
    for (Bar b : bars) {
      double s = Double.isNaN(b.score()) ? 0 : Math.max(0, Math.min(1, b.score()));
      sb.append("<g class=\"bar\" data-score=\"")
          .append(Double.isNaN(b.score()) ? "" : fmt(b.score()))
          .append("\"><text x=\"")
          .append(LABEL - 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(cut(b.label(), 28)))
          .append("</text><rect x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(BAR)
          .append("\" height=\"14\" fill=\"#eee\"/><rect x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(fmt(BAR * s))
          .append("\" height=\"14\" fill=\"#3a7bd5\"/><text x=\"")
          .append(LABEL + BAR + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(Html.esc(b.words()))
          .append("</text></g>");
      y += ROW;
    }
    return sb.append("</svg>").toString();
  }

  /** One bar per verdict, as tall as its count, with the count written above. */
  public static String verdicts(String title, Map<Verdict, Integer> counts) {
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    int colW = 120;
    int h = 150;
    int w = colW * Verdict.values().length + 10;
    StringBuilder sb = open("verdicts", w, h, title);
    int x = 5;
    for (Verdict v : Verdict.values()) {
      int n = counts.getOrDefault(v, 0);
      double bh = 100.0 * n / max;
      sb.append("<g class=\"count\" data-verdict=\"")
          .append(v.id())
          .append("\" data-count=\"")
          .append(n)
          .append("\"><rect class=\"v-")
          .append(v.id())
          .append("\" x=\"")
          .append(x + 15)
          .append("\" y=\"")
          .append(fmt(120 - bh))
          .append("\" width=\"")
          .append(colW - 30)
          .append("\" height=\"")
          .append(fmt(bh))
          .append("\"/><text x=\"")
          .append(x + colW / 2)
          .append("\" y=\"")
          .append(fmt(115 - bh))
          .append("\" text-anchor=\"middle\">")
          .append(n)
          .append("</text><text x=\"")
          .append(x + colW / 2)
          .append("\" y=\"140\" text-anchor=\"middle\">")
          .append(Html.esc(v.symbol() + " " + v.label()))
          .append("</text></g>");
      x += colW;
    }
    return sb.append("</svg>").toString();
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
