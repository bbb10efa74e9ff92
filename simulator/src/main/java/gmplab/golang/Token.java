package gmplab.golang;

/**
 * One lexical token: its kind, its text (identifier name, literal source, or the
 * decoded value for string and char literals) and its 1-based position.
 */
record Token(Tok kind, String text, int line, int col) {
    @Override
    public String toString() {
        return kind == Tok.IDENT || kind == Tok.INT || kind == Tok.FLOAT ? text : kind.toString();
    }
}
