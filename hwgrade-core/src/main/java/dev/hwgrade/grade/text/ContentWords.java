package dev.hwgrade.grade.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a text as Lucene's English analyzer sees them: lower-cased, stop words
 * removed, Porter-stemmed, so "initialising the matrices" and "initialise a matrix" share {@code
 * initi} and {@code matric}. The analyzer is thread-safe and shared.
 */
final class ContentWords {
  private static final Analyzer ANALYZER = new EnglishAnalyzer();

  private ContentWords() {}

  /** The distinct stems of the text's content words, in order of first appearance. */
  static Set<String> stems(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The stem of one word, or the word lower-cased when the analyzer drops it as a stop word. */
  static String stem(String word) {
    Set<String> s = stems(word);
    return s.isEmpty() ? word.toLowerCase(java.util.Locale.ROOT) : s.iterator().next();
  }

  /** The share of {@code wanted} found in {@code have}; 0 when nothing is wanted. */
  static double coverage(Set<String> wanted, Set<String> have) {
    if (wanted.isEmpty()) {
      return 0.0;
    }
    int hit = 0;
    for (String w : wanted) {
      if (have.contains(w)) {
        hit++;
      }
    }
    return (double) hit / wanted.size();
  }
}
