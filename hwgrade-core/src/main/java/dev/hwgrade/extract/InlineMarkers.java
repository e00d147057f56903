package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds part labels inside a line that a marker starts, as in {@code (i) TRUE (ii) FALSE (iii)
 * TRUE}, and makes each one a section start.
 *
 * <p>Prose mentions labels too ("combining (i) and (ii) we get"), so the rule is narrow: a label
 * inside a line counts only when it names the next sibling of the part before it on that line, in
 * the assignment's order, and no marker at the start of any line names that part. It must stand
 * alone, between spaces or punctuation, and outside inline math and code.
 */
final class InlineMarkers {
  private InlineMarkers() {}

  /**
   * @param cuts the accepted markers in file order
   * @param marked every path some marker at the start of a line names
   * @return the cuts with the inline ones inserted in order
   */
  static List<MarkerResolver.Cut> insert(
      List<MarkerResolver.Cut> cuts, TranscriptLines lines, PartPaths paths, Set<String> marked) {
    List<MarkerResolver.Cut> result = new ArrayList<>(cuts.size());
    for (MarkerResolver.Cut cut : cuts) {
      result.add(cut);
      if (cut.path() != null && paths.isPart(cut.path())) {
        following(cut, lines.line(cut.marker().line()), paths, marked, result);
      }
    }
    return result;
  }

  private static void following(
      MarkerResolver.Cut cut,
      String line,
      PartPaths paths,
      Set<String> marked,
      List<MarkerResolver.Cut> out) {
    String current = cut.path();
    String next = paths.nextSibling(current);
    boolean inMath = false;
    boolean inCode = false;
    for (int p = cut.marker().contentStart(); p < line.length() && next != null; p++) {
      char c = line.charAt(p);
      if (c == '\\') {
        p++; // an escaped character, such as \$, delimits nothing
      } else if (c == '`') {
        inCode = !inCode;
      } else if (c == '$' && !inCode) {
        inMath = !inMath;
      } else if (c == '(' && !inMath && !inCode && !marked.contains(next)) {
        String token = "(" + next.substring(next.lastIndexOf('.') + 1) + ")";
        int after = p + token.length();
        if (line.startsWith(token, p)
            && (p == 0 || !Character.isLetterOrDigit(line.charAt(p - 1)))
            && (after == line.length() || !Character.isLetterOrDigit(line.charAt(after)))) {
          Marker m =
              new Marker(
                  cut.marker().line(),
                  p + 1,
                  after,
                  "",
                  token,
                  null,
                  List.of(next.substring(next.lastIndexOf('.') + 1)),
                  Marker.Form.LABEL,
                  Marker.Decoration.NONE,
                  0);
          out.add(new MarkerResolver.Cut(m, next, p));
          current = next;
          next = paths.nextSibling(current);
          p = after - 1;
        }
      }
    }
  }
}
