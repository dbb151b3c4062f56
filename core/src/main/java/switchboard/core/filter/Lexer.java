package switchboard.core.filter;

/**
 * Cuts a filter into tokens, one at a time, as the parser asks. The parser says whether it expects an
 * operand, because {@code /} means division after an operand and starts an identifier before one.
 */
final class Lexer {
  enum Kind { NUMBER, STRING, IDENT, WORD, OP, LPAREN, RPAREN, COMMA, END }

  record Token(Kind kind, String text, int column, Object value) {
    boolean is(Kind k, String t) {
      return kind == k && text.equalsIgnoreCase(t);
    }

    boolean isWord(String w) {
      return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }
  }

  private final String src;
  private int pos;

  Lexer(String src) {
    this.src = src;
  }

  Token next(boolean operandExpected) throws FilterException {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    int start = pos;
    int col = start + 1;
    if (pos >= src.length()) {
      return new Token(Kind.END, "end of filter", col, null);
    }
    char c = src.charAt(pos);
    if (operandExpected && c == '/') {
      return new Token(Kind.IDENT, path(), col, null);
    }
    if (operandExpected && c == '[' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
      int close = src.indexOf(']', pos);
      if (close < 0) {
        throw new FilterException("unclosed [ in identifier", col);
      }
      String inner = src.substring(pos + 1, close);
      pos = close + 1;
      return new Token(Kind.IDENT, inner, col, null);
    }
    if (c == '\'' || c == '"') {
      return new Token(Kind.STRING, string(c), col, null);
    }
    if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
      return number(col);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      return new Token(Kind.WORD, src.substring(start, pos), col, null);
    }
    pos++;
    switch (c) {
      case '(':
        return new Token(Kind.LPAREN, "(", col, null);
      case ')':
        return new Token(Kind.RPAREN, ")", col, null);
      case ',':
        return new Token(Kind.COMMA, ",", col, null);
      case '+', '-', '*', '/', '%':
        return new Token(Kind.OP, String.valueOf(c), col, null);
      case '=':
        return new Token(Kind.OP, match('=') ? "==" : "=", col, null);
      case '!':
        if (match('=')) {
          return new Token(Kind.OP, "!=", col, null);
        }
        break;
      case '<':
        return new Token(Kind.OP, match('=') ? "<=" : match('>') ? "<>" : "<", col, null);
      case '>':
        return new Token(Kind.OP, match('=') ? ">=" : ">", col, null);
      default:
        break;
    }
    throw new FilterException("unexpected '" + c + "'", col);
  }

  private boolean match(char c) {
    if (pos < src.length() && src.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * {@code /a/b[0]/c}: everything up to a character that cannot be part of a path. XML and JSON names
   * may hold {@code . : - @ # $}, so {@code /content-type} is one name and subtraction needs a space
   * ({@code /a - 1}); a {@code -} right after a {@code /} is not part of a name.
   */
  private String path() {
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      boolean part = Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '@' || c == '.' || c == '['
          || c == ']' || c == ':' || c == '#' || c == '$' || (c == '-' && pos > start && src.charAt(pos - 1) != '/');
      if (!part) {
        break;
      }
      pos++;
    }
    return src.substring(start, pos);
  }

  /** A quoted string; the quote doubled inside it stands for itself. */
  private String string(char quote) throws FilterException {
    int col = pos + 1;
    StringBuilder b = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length()) {
        throw new FilterException("unterminated string", col);
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        if (pos < src.length() && src.charAt(pos) == quote) {
          b.append(quote);
          pos++;
          continue;
        }
        return b.toString();
      }
      b.append(c);
    }
  }

  private Token number(int col) throws FilterException {
    int start = pos;
    boolean decimal = false;
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '.') {
      decimal = true;
      pos++;
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      decimal = true;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      int digits = pos;
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
      if (digits == pos) {
        throw new FilterException("malformed number", col);
      }
    }
    String text = src.substring(start, pos);
    Object value;
    if (decimal) {
      value = Double.parseDouble(text);
    } else {
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        value = Double.parseDouble(text); // beyond a long: kept as a double
      }
    }
    return new Token(Kind.NUMBER, text, col, value);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
