package gmplab.lessons.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a query into tokens: words, integers, durations, quoted strings, G/M/P names and comparison operators. */
final class Lexer {
    enum Kind { WORD, INT, TIME, STRING, REF, OP, ARITH, LPAREN, RPAREN, EOF }

    record Token(Kind kind, String text, long number, int column) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private Lexer() {
    }

    static List<Token> tokenize(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", 0, col));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", 0, col));
                i++;
            } else if (c == '+' || c == '-') {
                out.add(new Token(Kind.ARITH, String.valueOf(c), 0, col));
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != '"') {
                    if (src.charAt(j) == '\\' && j + 1 < n) j++;
                    sb.append(src.charAt(j++));
                }
                if (j >= n) throw new QueryException("unterminated string", col);
                out.add(new Token(Kind.STRING, sb.toString(), 0, col));
                i = j + 1;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                int len = i + 1 < n && src.charAt(i + 1) == '=' ? 2 : 1;
                String op = src.substring(i, i + len);
                if (op.equals("!")) throw new QueryException("unexpected '!' (did you mean '!=' or 'not'?)", col);
                if (op.equals("==")) op = "=";
                out.add(new Token(Kind.OP, op, 0, col));
                i += len;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && Character.isDigit(src.charAt(j))) j++;
                long v;
                try {
                    v = Long.parseLong(src.substring(i, j));
                } catch (NumberFormatException e) {
                    throw new QueryException("number too large", col);
                }
                int k = j;
                while (k < n && Character.isLetter(src.charAt(k))) k++;
                String unit = src.substring(j, k);
                if (unit.isEmpty()) {
                    out.add(new Token(Kind.INT, src.substring(i, j), v, col));
                } else {
                    long mul = switch (unit) {
                        case "ns" -> 1L;
                        case "us", "µs" -> 1_000L;
                        case "ms" -> 1_000_000L;
                        case "s" -> 1_000_000_000L;
                        default -> throw new QueryException("unknown unit '" + unit + "' (use ns, us, ms or s)", j + 1);
                    };
                    out.add(new Token(Kind.TIME, src.substring(i, k), Math.multiplyExact(v, mul), col));
                }
                i = k;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || "_.|".indexOf(src.charAt(j)) >= 0)) j++;
                String w = src.substring(i, j);
                if (w.endsWith(".") || w.endsWith("|") || w.contains("||") || w.contains("|.") || w.contains(".|")) {
                    throw new QueryException("malformed name '" + w + "'", col);
                }
                if (w.length() > 1 && "GMP".indexOf(w.charAt(0)) >= 0 && w.substring(1).chars().allMatch(Character::isDigit)
                        && w.length() < 12) {
                    out.add(new Token(Kind.REF, w, Long.parseLong(w.substring(1)), col));
                } else {
                    out.add(new Token(Kind.WORD, w, 0, col));
                }
                i = j;
            } else {
                throw new QueryException("unexpected character '" + c + "'", col);
            }
        }
        out.add(new Token(Kind.EOF, "end of query", 0, n + 1));
        return out;
    }
}
