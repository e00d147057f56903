package dev.hwgrade.extract;

import java.util.List;

/**
 * A place where a transcript says which problem or part comes next, as written, before it is
 * matched against the assignment's part ids.
 *
 * @param line the line, from 0
 * @param column where the marker text starts on its line, from 1
 * @param contentStart the offset in the line where the answer text after the marker starts
 * @param title a heading's or a bold marker's title ("Addressing underfitting"), maybe empty
 * @param text the marker as written, for messages
 * @param problem the problem number written, or null for a part marker alone ({@code (b)})
 * @param labels the part labels written, outermost first ({@code b}, {@code ii}); may be empty
 * @param form what was written
 * @param decoration how it was set off from the text around it
 * @param level the Markdown heading level (1 to 6), or 0 when the marker is no heading
 */
record Marker(
    int line,
    int column,
    int contentStart,
    String title,
    String text,
    String problem,
    List<String> labels,
    Form form,
    Decoration decoration,
    int level) {

  /** The same marker, found at another column (inside a table cell, say). */
  Marker atColumn(int newColumn) {
    return new Marker(
        line, newColumn, contentStart, title, text, problem, labels, form, decoration, level);
  }

  /** What a marker says. */
  enum Form {
    /**
     * With a word: {@code Problem 2}, {@code Part (c)}, {@code Q3}, {@code Problem 1, part (c)}.
     */
    KEYWORD,
    /** A problem number alone: {@code ## 2.}, {@code **3)**}. */
    NUMBER,
    /**
     * A problem number with part labels: {@code 2(a)(i)}, {@code 4(g)}, {@code 2.a.i}, {@code 2b}.
     */
    COMPOUND,
    /** Part labels alone: {@code (a)}, {@code a)}, {@code iii.}, {@code (b)(ii)}. */
    LABEL
  }

  /** How a marker is set off from the text around it. */
  enum Decoration {
    HEADING,
    EMPHASIS,
    NONE
  }

  /** A plain label may be an enumeration inside an answer rather than a part marker. */
  boolean certain() {
    return form != Form.LABEL || decoration != Decoration.NONE;
  }

  /** Labels match part ids ignoring case only after a keyword ("Part A" is part a). */
  boolean ignoresCase() {
    return form == Form.KEYWORD;
  }

  /**
   * Whether a marker that matches no part is worth a warning (and ends the section before it): it
   * names a problem, uses a keyword, is a heading, or is a bold lower-case label like {@code
   * **(e)**}. A plain label, or a bold capital such as {@code **(B)**}, may be an enumeration or an
   * option inside an answer.
   */
  boolean warnsWhenUnmatched() {
    if (form != Form.LABEL || decoration == Decoration.HEADING) {
      return true;
    }
    return decoration == Decoration.EMPHASIS
        && labels.stream().allMatch(l -> l.chars().noneMatch(Character::isUpperCase));
  }
}
