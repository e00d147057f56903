package dev.hwgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  private static List<BoundedLineReader.Line> all(Reader r, int limit) throws IOException {
    BoundedLineReader lines = new BoundedLineReader(r, limit);
    List<BoundedLineReader.Line> out = new ArrayList<>();
    BoundedLineReader.Line l;
    while ((l = lines.next()) != null) {
      out.add(l);
    }
    return out;
  }

  @Test
  void readsEveryLineEndingAndNumbersPhysicalLines() throws IOException {
    List<BoundedLineReader.Line> out = all(new StringReader("a\r\nb\rc\n\nd"), 10);
    assertThat(out)
        .extracting(BoundedLineReader.Line::text)
        .containsExactly("a", "b", "c", "", "d");
    assertThat(out).extracting(BoundedLineReader.Line::number).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aFinalNewlineDoesNotMakeALine() throws IOException {
    assertThat(all(new StringReader("a\n"), 10)).hasSize(1);
    assertThat(all(new StringReader(""), 10)).isEmpty();
  }

  @Test
  void anOverLongLineIsSkippedWithoutBeingHeld() throws IOException {
    // 50 million characters generated on the fly: never held, only counted.
    Reader huge =
        new Reader() {
          long left = 50_000_000L;
          boolean tailSent;

          @Override
          public int read(char[] cbuf, int off, int len) {
            if (left == 0) {
              if (tailSent) {
                return -1;
              }
              tailSent = true;
              String tail = "\nok\n";
              tail.getChars(0, tail.length(), cbuf, off);
              return tail.length();
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(cbuf, off, off + n, 'x');
            left -= n;
            return n;
          }

          @Override
          public void close() {}
        };
    List<BoundedLineReader.Line> out = all(huge, 1000);
    assertThat(out).hasSize(2);
    assertThat(out.get(0).tooLong()).isTrue();
    assertThat(out.get(0).length()).isEqualTo(50_000_000L);
    assertThat(out.get(0).text()).isEmpty();
    assertThat(out.get(1).text()).isEqualTo("ok");
    assertThat(out.get(1).number()).isEqualTo(2);
  }
}
