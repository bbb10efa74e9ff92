package gmplab.lessons;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;

import static gmplab.lessons.Markdown.BlockKind.CODE;
import static gmplab.lessons.Markdown.BlockKind.LIST_ITEM;
import static gmplab.lessons.Markdown.BlockKind.PARAGRAPH;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {
    @Test
    void blocksAndSpans() {
        List<Markdown.Block> b = Markdown.parse("A *new* G goes to `runnext`,\n**not** the tail.\n\n- one\n- two `x`\n```\nSCHED 0ms: a\nSCHED 1ms: b\n```\nend");
        assertThat(b).extracting(Markdown.Block::kind).containsExactly(PARAGRAPH, LIST_ITEM, LIST_ITEM, CODE, PARAGRAPH);
        assertThat(b.get(0).spans()).extracting(Markdown.Span::kind).containsExactly(
                Markdown.SpanKind.TEXT, Markdown.SpanKind.EMPHASIS, Markdown.SpanKind.TEXT, Markdown.SpanKind.CODE,
                Markdown.SpanKind.TEXT, Markdown.SpanKind.STRONG, Markdown.SpanKind.TEXT);
        assertThat(b.get(0).plain()).isEqualTo("A new G goes to runnext, not the tail.");
        assertThat(b.get(3).plain()).isEqualTo("SCHED 0ms: a\nSCHED 1ms: b");
        assertThat(Markdown.plain("- a\n- *b*")).isEqualTo("• a\n• b");
    }

    @Test
    void unclosedMarkersStayLiteral() {
        assertThat(Markdown.plain("2 * 3 = 6 and `x")).isEqualTo("2 * 3 = 6 and `x");
    }

    @Property
    void neverThrowsAndKeepsTheLetters(@ForAll String s) {
        net.jqwik.api.Assume.that(!s.contains("```")); // a fence line's info string is dropped
        String plain = Markdown.plain(s);
        assertThat(plain.chars().filter(Character::isLetterOrDigit).count())
                .isEqualTo(s.chars().filter(Character::isLetterOrDigit).count());
    }
}
