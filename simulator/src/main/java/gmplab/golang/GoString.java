package gmplab.golang;

import java.nio.charset.StandardCharsets;

/**
 * Go strings are byte sequences. The VM stores them as Java strings with one char
 * per byte (ISO-8859-1), so {@code len}, indexing and slicing are exact; UTF-8 is
 * decoded only where Go decodes it ({@code range}, {@code []rune}, output).
 */
final class GoString {
    private GoString() { }

    /** Appends the UTF-8 encoding of a code point as byte-chars. */
    static void appendUtf8(StringBuilder sb, int cp) {
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        if (cp < 0x80) {
            sb.append((char) cp);
        } else if (cp < 0x800) {
            sb.append((char) (0xC0 | cp >> 6)).append((char) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            sb.append((char) (0xE0 | cp >> 12)).append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
        } else {
            sb.append((char) (0xF0 | cp >> 18)).append((char) (0x80 | cp >> 12 & 0x3F))
                    .append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
        }
    }

    /** {@code string(r)}. */
    static String fromRune(long r) {
        StringBuilder sb = new StringBuilder(4);
        appendUtf8(sb, r < 0 || r > 0x10FFFF ? 0xFFFD : (int) r);
        return sb.toString();
    }

    /** A Java (UTF-16) string as a Go byte string. */
    static String fromJava(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (ascii) return s;
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A Go byte string as a Java string, decoding UTF-8 (invalid bytes become U+FFFD). */
    static String toJava(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (ascii) return s;
        return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * Decodes the rune starting at byte {@code i}: returns {@code rune << 8 | width}
     * (width 1 and rune U+FFFD for an invalid encoding), as {@code utf8.DecodeRuneInString}.
     */
    static long decodeRune(String s, int i) {
        int b0 = s.charAt(i) & 0xFF;
        if (b0 < 0x80) return ((long) b0 << 8) | 1;
        int n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
        if (n == 0 || i + n > s.length()) return (0xFFFDL << 8) | 1;
        int cp = b0 & (0x7F >> n);
        for (int k = 1; k < n; k++) {
            int b = s.charAt(i + k) & 0xFF;
            if ((b & 0xC0) != 0x80) return (0xFFFDL << 8) | 1;
            cp = cp << 6 | (b & 0x3F);
        }
        int min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return (0xFFFDL << 8) | 1;
        return ((long) cp << 8) | n;
    }

    /** Number of runes ({@code utf8.RuneCountInString}). */
    static int runeCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); n++) i += (int) (decodeRune(s, i) & 0xFF);
        return n;
    }
}
