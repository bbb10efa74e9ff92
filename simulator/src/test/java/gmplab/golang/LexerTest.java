package gmplab.golang;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LexerTest {

    private static List<Token> lex(String src) {
        Diagnostics d = new Diagnostics("t.go");
        List<Token> toks = new Lexer(src, d).tokenize();
        assertThat(d.errors()).isEmpty();
        return toks;
    }

    private static String kinds(String src) {
        StringBuilder sb = new StringBuilder();
        for (Token t : lex(src)) sb.append(t.kind() == Tok.SEMICOLON ? ";" : t.toString()).append(' ');
        return sb.toString().trim();
    }

    @Test
    void insertsSemicolonsAfterLineEndingTokens() {
        assertThat(kinds("x := 1\ny++\nreturn\n}\n")).isEqualTo("x := 1 ; y ++ ; return ; } ; eof");
        assertThat(kinds("f(a,\n b)\n")).isEqualTo("f ( a , b ) ; eof");
        assertThat(kinds("if x {\n}")).isEqualTo("if x { } ; eof");
    }

    @Test
    void commentsActLikeNewlines() {
        assertThat(kinds("a /* multi\nline */ b")).isEqualTo("a ; b ; eof");
        assertThat(kinds("a // c\nb")).isEqualTo("a ; b ; eof");
    }

    @Test
    void tracksPositions() {
        List<Token> t = lex("package main\n\n\tx := 42");
        Token x = t.get(3);
        assertThat(x.text()).isEqualTo("x");
        assertThat(x.line()).isEqualTo(3);
        assertThat(x.col()).isEqualTo(2);
    }

    @Test
    void decodesLiteralsToGoByteStrings() {
        List<Token> t = lex("\"a\\tb\\x41\\u00e9\" `raw\\n` 'x' '\\n' 0x1F 1_000 1.5e3 0b101");
        assertThat(t.get(0).text()).isEqualTo("a\tbA\u00c3\u00a9"); // é as two UTF-8 byte-chars
        assertThat(t.get(1).text()).isEqualTo("raw\\n");
        assertThat(t.get(2).text()).isEqualTo("x");
        assertThat(t.get(3).text()).isEqualTo("\n");
        assertThat(t.get(4).kind()).isEqualTo(Tok.INT);
        assertThat(t.get(5).text()).isEqualTo("1000");
        assertThat(t.get(6).kind()).isEqualTo(Tok.FLOAT);
        assertThat(t.get(7).text()).isEqualTo("0b101");
    }

    @Test
    void longestOperatorMatch() {
        assertThat(kinds("a &^= b <<= c <- d ... &&")).isEqualTo("a &^= b <<= c <- d ... && eof");
    }

    @Test
    void reportsBadCharactersAndKeepsGoing() {
        Diagnostics d = new Diagnostics("t.go");
        new Lexer("a @ b\n\"open", d).tokenize();
        assertThat(d.errors()).containsExactly("t.go:1:3: invalid character U+0040 '@'", "t.go:2:1: string literal not terminated");
    }
}
