package gmplab.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown subset lesson texts use, parsed into blocks and spans a view can
 * lay out without a Markdown library: paragraphs (blank-line separated), list
 * items ({@code - item}), fenced code blocks ({@code ```}), and inside text
 * {@code *emphasis*}, {@code **strong**} and {@code `code`}. Anything else is
 * plain text; an unclosed marker is kept literally.
 */
public final class Markdown {
    private Markdown() {
    }

    public enum BlockKind { PARAGRAPH, LIST_ITEM, CODE }

    public enum SpanKind { TEXT, EMPHASIS, STRONG, CODE }

    public record Span(SpanKind kind, String text) { }

    /** A paragraph or list item (spans), or a code block (one TEXT span with the lines). */
    public record Block(BlockKind kind, List<Span> spans) {
        /** The block's text without markup. */
        public String plain() {
            StringBuilder sb = new StringBuilder();
            for (Span s : spans) sb.append(s.text());
            return sb.toString();
        }
    }

    public static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        if (text == null) return out;
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.startsWith("```")) {
                flush(para, out);
                StringBuilder code = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].strip().startsWith("```")) {
                    if (code.length() > 0) code.append('\n');
                    code.append(lines[j]);
                    j++;
                }
                out.add(new Block(BlockKind.CODE, List.of(new Span(SpanKind.TEXT, code.toString()))));
                i = j;
            } else if (t.startsWith("- ")) {
                flush(para, out);
                out.add(new Block(BlockKind.LIST_ITEM, spans(t.substring(2).strip())));
            } else if (t.isEmpty()) {
                flush(para, out);
            } else {
                if (para.length() > 0) para.append(' ');
                para.append(t);
            }
        }
        flush(para, out);
        return out;
    }

    /** The text without markup (for narration, tooltips, tests). */
    public static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (Block b : parse(text)) {
            if (sb.length() > 0) sb.append('\n');
            if (b.kind() == BlockKind.LIST_ITEM) sb.append("• ");
            sb.append(b.plain());
        }
        return sb.toString();
    }

    private static void flush(StringBuilder para, List<Block> out) {
        if (para.length() == 0) return;
        out.add(new Block(BlockKind.PARAGRAPH, spans(para.toString())));
        para.setLength(0);
    }

    static List<Span> spans(String s) {
        List<Span> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            String marker = c == '`' ? "`" : s.startsWith("**", i) ? "**" : c == '*' ? "*" : null;
            if (marker != null) {
                int end = s.indexOf(marker, i + marker.length());
                if (end > i + marker.length()) {
                    if (text.length() > 0) out.add(new Span(SpanKind.TEXT, text.toString()));
                    text.setLength(0);
                    SpanKind k = marker.equals("`") ? SpanKind.CODE : marker.equals("**") ? SpanKind.STRONG : SpanKind.EMPHASIS;
                    out.add(new Span(k, s.substring(i + marker.length(), end)));
                    i = end + marker.length();
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        if (text.length() > 0) out.add(new Span(SpanKind.TEXT, text.toString()));
        return out;
    }
}
