package gmplab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Go syntax colouring for the code pane: splits source text into coloured
 * tokens (keywords, predeclared types and functions, strings, runes,
 * comments, numbers). Pure: the view turns the tokens into styles.
 */
public final class GoSyntax {
    private GoSyntax() { }

    /** What a token is; the view styles it with the CSS class {@link #css}. */
    public enum Kind {
        KEYWORD("kw"), BUILTIN("builtin"), STRING("str"), COMMENT("comment"), NUMBER("num");

        public final String css;

        Kind(String css) {
            this.css = css;
        }
    }

    /** A coloured span {@code [start, end)} of the text. */
    public record Token(int start, int end, Kind kind) { }

    static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default", "defer",
            "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
            "range", "return", "select", "struct", "switch", "type", "var");
    static final Set<String> BUILTINS = Set.of("bool", "byte", "complex64", "complex128", "error", "float32",
            "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16",
            "uint32", "uint64", "uintptr", "any", "true", "false", "nil", "iota", "append", "cap", "clear",
            "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print",
            "println", "real", "recover");

    /** The tokens of {@code text} in order; text between them is plain. Never throws on bad input. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int e = text.indexOf('\n', i);
                e = e < 0 ? n : e;
                out.add(new Token(i, e, Kind.COMMENT));
                i = e;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int e = text.indexOf("*/", i + 2);
                e = e < 0 ? n : e + 2;
                out.add(new Token(i, e, Kind.COMMENT));
                i = e;
            } else if (c == '"' || c == '\'') {
                int e = i + 1;
                while (e < n && text.charAt(e) != c && text.charAt(e) != '\n') e += text.charAt(e) == '\\' ? 2 : 1;
                e = Math.min(n, e + 1);
                out.add(new Token(i, e, Kind.STRING));
                i = e;
            } else if (c == '`') {
                int e = text.indexOf('`', i + 1);
                e = e < 0 ? n : e + 1;
                out.add(new Token(i, e, Kind.STRING));
                i = e;
            } else if (Character.isDigit(c)) {
                int e = i + 1;
                while (e < n && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '.' || text.charAt(e) == '_')) e++;
                out.add(new Token(i, e, Kind.NUMBER));
                i = e;
            } else if (Character.isLetter(c) || c == '_') {
                int e = i + 1;
                while (e < n && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_')) e++;
                String w = text.substring(i, e);
                boolean selector = i > 0 && text.charAt(i - 1) == '.';
                if (KEYWORDS.contains(w)) out.add(new Token(i, e, Kind.KEYWORD));
                else if (!selector && BUILTINS.contains(w)) out.add(new Token(i, e, Kind.BUILTIN));
                i = e;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Offset of 1-based {@code line} and {@code col} in {@code text} (clamped to the text). */
    public static int offset(String text, int line, int col) {
        int pos = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) return text.length();
            pos = nl + 1;
        }
        int eol = text.indexOf('\n', pos);
        if (eol < 0) eol = text.length();
        return Math.min(eol, pos + Math.max(0, col - 1));
    }

    /** End of the word (or at least one character) starting at {@code off}, for underlining an error there. */
    public static int wordEnd(String text, int off) {
        int e = off;
        while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_')) e++;
        if (e == off && e < text.length() && text.charAt(e) != '\n') e++;
        return e;
    }
}
