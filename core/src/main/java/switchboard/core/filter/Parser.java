package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import switchboard.core.filter.Lexer.Kind;
import switchboard.core.filter.Lexer.Token;
import switchboard.core.filter.Values.Op;

/**
 * Recursive descent over the grammar, loosest binding first:
 *
 * <pre>
 * or        := and (OR and)*
 * and       := not (AND not)*
 * not       := NOT not | predicate
 * predicate := sum [ cmp sum | [NOT] BETWEEN sum AND sum | [NOT] IN (sum, ...) | IS [NOT] NULL
 *                  | [NOT] LIKE 'regex' | [NOT] (BEGINS|ENDS) WITH (sum, ...) ]
 * sum       := product (('+'|'-') product)*
 * product   := unary (('*'|'/'|'%') unary)*
 * unary     := '-' unary | primary
 * primary   := number | string | TRUE | FALSE | NULL | identifier | function '(' args ')' | '(' or ')'
 * </pre>
 *
 * A chain of AND (or of OR) becomes one node over all its operands, so a long chain costs no depth.
 */
final class Parser {
  private static final Set<String> OPERAND_WORDS = Set.of("TRUE", "FALSE", "NULL");
  /**
   * Bounds on nesting: the parser and the evaluator both recurse once per level, and a filter comes from
   * a client, so a pathological one must be a FilterException, not a StackOverflowError.
   */
  static final int MAX_NESTING = 100;
  static final int MAX_DEPTH = 256;

  private final Lexer lexer;
  private Token tok;
  private int nesting;

  Parser(String text) throws FilterException {
    this.lexer = new Lexer(text);
    this.tok = lexer.next(true);
  }

  Expr parse() throws FilterException {
    Expr e = or();
    if (tok.kind() != Kind.END) {
      throw error("unexpected '" + tok.text() + "'");
    }
    return e;
  }

  /** Entering one more level of parentheses, NOT or unary minus. */
  private void enter() throws FilterException {
    if (++nesting > MAX_NESTING) {
      throw error("filter nested too deeply (more than " + MAX_NESTING + " levels)");
    }
  }

  /** A node built in a loop (a chain of + or *), which grows deeper without the parser recursing. */
  private Expr bounded(Expr e) throws FilterException {
    if (e.depth > MAX_DEPTH) {
      throw error("expression too deep (more than " + MAX_DEPTH + " levels)");
    }
    return e;
  }

  /** Moves on; the next token is an operand unless this one ended an operand. */
  private Token advance() throws FilterException {
    Token t = tok;
    boolean endedOperand = switch (t.kind()) {
      case NUMBER, STRING, IDENT, RPAREN -> true;
      case WORD -> OPERAND_WORDS.contains(t.text().toUpperCase(Locale.ROOT));
      default -> false;
    };
    tok = lexer.next(!endedOperand);
    return t;
  }

  private FilterException error(String what) {
    return new FilterException(what, tok.column());
  }

  private void expect(Kind kind, String what) throws FilterException {
    if (tok.kind() != kind) {
      throw error("expected " + what + " but found '" + tok.text() + "'");
    }
    advance();
  }

  private void expectWord(String w) throws FilterException {
    if (!tok.isWord(w)) {
      throw error("expected " + w + " but found '" + tok.text() + "'");
    }
    advance();
  }

  private Expr or() throws FilterException {
    Expr e = and();
    if (!tok.isWord("OR")) {
      return e;
    }
    List<Expr> operands = new ArrayList<>(List.of(e));
    while (tok.isWord("OR")) {
      advance();
      operands.add(and());
    }
    return new Predicates.Or(operands.toArray(new Expr[0]));
  }

  private Expr and() throws FilterException {
    Expr e = not();
    if (!tok.isWord("AND")) {
      return e;
    }
    List<Expr> operands = new ArrayList<>(List.of(e));
    while (tok.isWord("AND")) {
      advance();
      operands.add(not());
    }
    return new Predicates.And(operands.toArray(new Expr[0]));
  }

  private Expr not() throws FilterException {
    if (tok.isWord("NOT")) {
      advance();
      enter();
      Expr operand = not();
      nesting--;
      return new Predicates.Not(operand);
    }
    return predicate();
  }

  private Expr predicate() throws FilterException {
    Expr left = sum();
    if (tok.kind() == Kind.OP) {
      Op op = switch (tok.text()) {
        case "=", "==" -> Op.EQ;
        case "!=", "<>" -> Op.NE;
        case "<" -> Op.LT;
        case "<=" -> Op.LE;
        case ">" -> Op.GT;
        case ">=" -> Op.GE;
        default -> null;
      };
      if (op == null) {
        throw error("unexpected '" + tok.text() + "'");
      }
      advance();
      return new Predicates.Compare(op, left, sum());
    }
    if (tok.isWord("IS")) {
      advance();
      boolean negated = false;
      if (tok.isWord("NOT")) {
        advance();
        negated = true;
      }
      expectWord("NULL");
      return new Predicates.IsNull(negated, left);
    }
    boolean negated = false;
    if (tok.isWord("NOT")) {
      advance();
      negated = true;
    }
    if (tok.isWord("BETWEEN")) {
      advance();
      Expr low = sum();
      expectWord("AND");
      return new Predicates.Between(negated, left, low, sum());
    }
    if (tok.isWord("IN")) {
      advance();
      return new Predicates.In(negated, left, list());
    }
    if (tok.isWord("LIKE")) {
      advance();
      if (tok.kind() != Kind.STRING) {
        throw error("LIKE takes a quoted pattern");
      }
      Pattern p;
      try {
        p = Pattern.compile(tok.text());
      } catch (PatternSyntaxException e) {
        throw error("bad regular expression in LIKE: " + e.getDescription());
      }
      advance();
      return new Predicates.Like(negated, left, p);
    }
    if (tok.isWord("BEGINS") || tok.isWord("ENDS")) {
      boolean begins = tok.isWord("BEGINS");
      advance();
      expectWord("WITH");
      return new Predicates.Affix(negated, begins, left, list());
    }
    if (negated) {
      throw error("expected BETWEEN, IN, LIKE, BEGINS WITH or ENDS WITH after NOT");
    }
    return left;
  }

  /** {@code ( item, item, ... )}, at least one item. */
  private Expr[] list() throws FilterException {
    expect(Kind.LPAREN, "(");
    List<Expr> items = new ArrayList<>();
    if (tok.kind() == Kind.RPAREN) {
      throw error("empty list");
    }
    items.add(sum());
    while (tok.kind() == Kind.COMMA) {
      advance();
      items.add(sum());
    }
    expect(Kind.RPAREN, ")");
    return items.toArray(new Expr[0]);
  }

  private Expr sum() throws FilterException {
    Expr e = product();
    while (tok.kind() == Kind.OP && (tok.text().equals("+") || tok.text().equals("-"))) {
      char op = advance().text().charAt(0);
      e = bounded(new Operands.Arith(op, e, product()));
    }
    return e;
  }

  private Expr product() throws FilterException {
    Expr e = unary();
    while (tok.kind() == Kind.OP && (tok.text().equals("*") || tok.text().equals("/") || tok.text().equals("%"))) {
      char op = advance().text().charAt(0);
      e = bounded(new Operands.Arith(op, e, unary()));
    }
    return e;
  }

  private Expr unary() throws FilterException {
    if (tok.kind() == Kind.OP && tok.text().equals("-")) {
      advance();
      enter();
      Expr operand = unary();
      nesting--;
      // -5 is folded into a literal, so that it costs nothing per message
      return operand instanceof Operands.Literal lit && lit.node().isNumber()
          ? negateLiteral(lit.node())
          : new Operands.Neg(operand);
    }
    return primary();
  }

  private static Expr negateLiteral(JsonNode n) {
    return new Operands.Literal(n.isIntegralNumber() && n.longValue() != Long.MIN_VALUE
        ? LongNode.valueOf(-n.longValue())
        : DoubleNode.valueOf(-n.doubleValue()));
  }

  private Expr primary() throws FilterException {
    Token t = tok;
    switch (t.kind()) {
      case NUMBER -> {
        advance();
        return new Operands.Literal(t.value() instanceof Long l ? LongNode.valueOf(l) : DoubleNode.valueOf((Double) t.value()));
      }
      case STRING -> {
        advance();
        return new Operands.Literal(TextNode.valueOf(t.text()));
      }
      case IDENT -> {
        advance();
        return new Operands.Ident(steps(t));
      }
      case LPAREN -> {
        advance();
        enter();
        Expr e = or();
        expect(Kind.RPAREN, ")");
        nesting--;
        return e;
      }
      case WORD -> {
        String w = t.text().toUpperCase(Locale.ROOT);
        advance();
        return switch (w) {
          case "TRUE" -> new Operands.Literal(BooleanNode.TRUE);
          case "FALSE" -> new Operands.Literal(BooleanNode.FALSE);
          case "NULL" -> new Operands.Literal(NullNode.getInstance());
          default -> function(t);
        };
      }
      default -> throw error("expected a value but found '" + t.text() + "'");
    }
  }

  private Expr function(Token name) throws FilterException {
    if (tok.kind() != Kind.LPAREN) {
      throw new FilterException("unknown word '" + name.text() + "'", name.column());
    }
    advance();
    enter();
    List<Expr> args = new ArrayList<>();
    if (tok.kind() != Kind.RPAREN) {
      args.add(or());
      while (tok.kind() == Kind.COMMA) {
        advance();
        args.add(or());
      }
    }
    expect(Kind.RPAREN, ")");
    nesting--;
    return Functions.call(name.text(), args, name.column());
  }

  /** {@code /a/b[0]/c} or the inside of {@code [/Not Xpath Name]} into names and indexes. */
  private static List<Object> steps(Token t) throws FilterException {
    List<Object> steps = new ArrayList<>();
    String path = t.text();
    for (String part : path.substring(1).split("/", -1)) {
      if (part.isEmpty()) {
        throw new FilterException("empty step in identifier " + path, t.column());
      }
      int b = part.indexOf('[');
      String name = b < 0 ? part : part.substring(0, b);
      if (!name.isEmpty()) {
        steps.add(name);
      }
      while (b >= 0) {
        int close = part.indexOf(']', b);
        if (close < 0) {
          throw new FilterException("unclosed [ in identifier " + path, t.column());
        }
        try {
          steps.add(Integer.parseInt(part.substring(b + 1, close).trim()));
        } catch (NumberFormatException e) {
          throw new FilterException("array index must be a number in " + path, t.column());
        }
        b = part.indexOf('[', close);
      }
    }
    return steps;
  }
}
