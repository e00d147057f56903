package dev.hwgrade.latex;

/** One lexical unit of a cleaned answer. */
record Token(Type type, String text) {
  enum Type {
    NUMBER,
    IDENT,
    FUNCTION,
    COMMAND,
    WORD,
    SYMBOL,
    END
  }

  boolean is(String symbol) {
    return (type == Type.SYMBOL || type == Type.COMMAND) && text.equals(symbol);
  }

  @Override
  public String toString() {
    return type == Type.END ? "end of input" : "'" + text + "'";
  }
}
