package dev.hwgrade.verify;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given length without ever holding more than that: the rest of an
 * over-long line is skipped, not stored, so a gigabyte line costs no more memory than a short one.
 * Lines end at {@code \n}, {@code \r\n} or {@code \r}; numbering counts every physical line.
 */
public final class BoundedLineReader {
  /** One line read: its number (from 1), its text, or that it was longer than the limit. */
  public record Line(long number, String text, boolean tooLong, long length) {}

  private final Reader in;
  private final int limit;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int end;
  private long number;
  private boolean eof;
  private boolean skipNewline;

  public BoundedLineReader(Reader in, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.in = in;
    this.limit = limit;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    StringBuilder sb = new StringBuilder();
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos >= end) {
        if (eof || !fill()) {
          eof = true;
          if (!any) {
            return null;
          }
          return finish(sb, length);
        }
      }
      char c = buf[pos++];
      if (skipNewline) {
        skipNewline = false;
        if (c == '\n') {
          continue;
        }
      }
      any = true;
      if (c == '\n') {
        return finish(sb, length);
      }
      if (c == '\r') {
        skipNewline = true;
        return finish(sb, length);
      }
      length++;
      if (length <= limit) {
        sb.append(c);
      }
    }
  }

  private Line finish(StringBuilder sb, long length) {
    number++;
    boolean tooLong = length > limit;
    return new Line(number, tooLong ? "" : sb.toString(), tooLong, length);
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
