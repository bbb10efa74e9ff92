package gmplab.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Hand-written Go lexer with automatic semicolon insertion (Go spec, "Semicolons"):
 * a newline or end of file after an identifier, a literal, one of the keywords
 * {@code break continue fallthrough return} or one of {@code ++ -- ) ] }} ends the statement.
 * String and rune literals are decoded; their {@link Token#text()} is the value.
 */
final class Lexer {
    private static final Map<String, Tok> KEYWORDS = new HashMap<>();

    static {
        for (Tok t : Tok.values()) if (t.isKeyword()) KEYWORDS.put(t.text, t);
    }

    private final String src;
    private final Diagnostics diags;
    private int pos;
    private int line = 1;
    private int lineStart;
    private Tok last = Tok.SEMICOLON;

    Lexer(String src, Diagnostics diags) {
        this.src = src;
        this.diags = diags;
    }

    /** Tokenizes the whole source; the list ends with an EOF token. */
    List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next();
            out.add(t);
            last = t.kind();
            if (t.kind() == Tok.EOF) return out;
        }
    }

    private boolean needsSemicolon() {
        return switch (last) {
            case IDENT, INT, FLOAT, CHAR, STRING, BREAK, CONTINUE, FALLTHROUGH, RETURN, INC, DEC, RPAREN, RBRACK, RBRACE -> true;
            default -> false;
        };
    }

    private Token next() {
        // skip whitespace and comments; a newline may become a semicolon
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (needsSemicolon()) {
                    Token t = new Token(Tok.SEMICOLON, "\n", line, pos - lineStart + 1);
                    newline();
                    return t;
                }
                newline();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                int l = line, col = pos - lineStart + 1;
                boolean hadNewline = false;
                pos += 2;
                while (pos < src.length() && !(src.charAt(pos) == '*' && peek(1) == '/')) {
                    if (src.charAt(pos) == '\n') {
                        hadNewline = true;
                        newline();
                    } else pos++;
                }
                if (pos >= src.length()) diags.error(l, col, "comment not terminated");
                else pos += 2;
                if (hadNewline && needsSemicolon()) return new Token(Tok.SEMICOLON, "\n", l, col);
            } else break;
        }
        int col = pos - lineStart + 1;
        if (pos >= src.length()) {
            if (needsSemicolon()) return new Token(Tok.SEMICOLON, "\n", line, col);
            return new Token(Tok.EOF, "", line, col);
        }
        char c = src.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            String word = src.substring(start, pos);
            Tok kw = KEYWORDS.get(word);
            return new Token(kw != null ? kw : Tok.IDENT, word, line, col);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) return number(col);
        if (c == '"') return string(col);
        if (c == '`') return rawString(col);
        if (c == '\'') return rune(col);
        return operator(col);
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    private Token number(int col) {
        int start = pos;
        boolean isFloat = false;
        if (src.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'b' || peek(1) == 'B'
                || peek(1) == 'o' || peek(1) == 'O')) {
            char base = Character.toLowerCase(peek(1));
            pos += 2;
            int digits = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            String ds = src.substring(digits, pos).replace("_", "");
            int radix = base == 'x' ? 16 : base == 'b' ? 2 : 8;
            boolean ok = !ds.isEmpty();
            for (int i = 0; i < ds.length() && ok; i++) ok = Character.digit(ds.charAt(i), radix) >= 0;
            if (!ok) {
                String what = base == 'x' ? "hexadecimal" : base == 'b' ? "binary" : "octal";
                diags.error(line, col, ds.isEmpty() ? what + " literal has no digits" : "invalid digit in " + what + " literal");
                return new Token(Tok.INT, "0", line, col);
            }
        } else {
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            if (pos < src.length() && src.charAt(pos) == '.') {
                isFloat = true;
                pos++;
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                isFloat = true;
                pos++;
                if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
                int digits = pos;
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
                if (pos == digits) {
                    diags.error(line, col, "exponent has no digits");
                    return new Token(Tok.FLOAT, "0", line, col);
                }
            }
            if (pos < src.length() && src.charAt(pos) == 'i') {
                diags.error(line, col, "not supported by GMP Lab: complex numbers");
                pos++;
            }
        }
        return new Token(isFloat ? Tok.FLOAT : Tok.INT, src.substring(start, pos).replace("_", ""), line, col);
    }

    private Token string(int col) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                diags.error(line, col, "string literal not terminated");
                break;
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                boolean raw = src.charAt(pos + 1) == 'x' || (src.charAt(pos + 1) >= '0' && src.charAt(pos + 1) <= '7');
                int v = escape();
                if (raw) sb.append((char) (v & 0xFF));
                else GoString.appendUtf8(sb, v);
            } else {
                int cp = src.codePointAt(pos);
                GoString.appendUtf8(sb, cp);
                pos += Character.charCount(cp);
            }
        }
        return new Token(Tok.STRING, sb.toString(), line, col);
    }

    private Token rawString(int col) {
        int l = line;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != '`') {
            char c = src.charAt(pos);
            if (c == '\n') {
                sb.append(c);
                newline();
            } else {
                int cp = src.codePointAt(pos);
                if (c != '\r') GoString.appendUtf8(sb, cp);
                pos += Character.charCount(cp);
            }
        }
        if (pos >= src.length()) diags.error(l, col, "raw string literal not terminated");
        else pos++;
        return new Token(Tok.STRING, sb.toString(), l, col);
    }

    private Token rune(int col) {
        pos++;
        StringBuilder sb = new StringBuilder();
        if (pos < src.length() && src.charAt(pos) == '\\') sb.appendCodePoint(escape());
        else if (pos < src.length()) {
            int cp = src.codePointAt(pos);
            sb.appendCodePoint(cp);
            pos += Character.charCount(cp);
        }
        if (pos >= src.length() || src.charAt(pos) != '\'') {
            diags.error(line, col, "rune literal not terminated");
            while (pos < src.length() && src.charAt(pos) != '\'' && src.charAt(pos) != '\n') pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '\'') pos++;
        return new Token(Tok.CHAR, sb.toString(), line, col);
    }

    /** Decodes one escape sequence at {@code pos} (which points at the backslash); returns its value. */
    private int escape() {
        pos++;
        char c = pos < src.length() ? src.charAt(pos) : '\0';
        pos++;
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return 11;
            case '\\': case '\'': case '"': return c;
            case 'x': return hex(2);
            case 'u': return hex(4);
            case 'U': return hex(8);
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = c - '0';
                for (int i = 0; i < 2 && pos < src.length(); i++) v = v * 8 + (src.charAt(pos++) - '0');
                return v;
            }
            default:
                diags.error(line, pos - lineStart - 1, "unknown escape sequence");
                return '?';
        }
    }

    private int hex(int n) {
        int v = 0;
        for (int i = 0; i < n && pos < src.length(); i++) {
            v = v * 16 + Character.digit(src.charAt(pos++), 16);
        }
        return v;
    }

    private Token operator(int col) {
        // longest match over the operator table
        Tok best = null;
        for (Tok t : Tok.values()) {
            if (t.isKeyword() || t.text.isEmpty()) continue;
            if (src.startsWith(t.text, pos) && (best == null || t.text.length() > best.text.length())) best = t;
        }
        if (best == null) {
            diags.error(line, col, "invalid character " + quoteChar(src.charAt(pos)));
            pos++;
            return next();
        }
        pos += best.text.length();
        return new Token(best, best.text, line, col);
    }

    private static String quoteChar(char c) {
        return "U+" + String.format("%04X", (int) c) + " '" + c + "'";
    }

}
