package gmplab.ui.p2p;

import gmplab.p2p.demo.P2pRun;
import gmplab.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The transcript's own lines are said in the user's language; the program's output is not touched. */
class TranscriptLinesTest {
    /** Lines that are the same in both languages (symbols, or the program's words in {1}). */
    static final Set<String> SAME = Set.of("command", "sent", "received", "failed");

    @Test
    void everyKeyedLineHasItsEnglishTextAndAChineseOne() {
        I18n en = new I18n(Locale.ENGLISH);
        I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);
        for (String key : P2pRun.Line.ENGLISH.keySet()) {
            P2pRun.Line line = P2pRun.Line.of(7, key, "s1", "/x/echo/1.0.0");
            assertThat(TranscriptAndActions.say(en, line)).as(key).isEqualTo(line.text());
            String chinese = TranscriptAndActions.say(zh, line);
            assertThat(zh.tr("p2p.line." + key)).as(key).doesNotStartWith("!");
            if (!SAME.contains(key)) assertThat(chinese).as(key).isNotEqualTo(line.text()).contains("s1");
        }
    }

    @Test
    void theProgramsOwnOutputStaysAsWritten() {
        P2pRun.Line answer = new P2pRun.Line(3, "Closed 1 stream(s)");
        assertThat(TranscriptAndActions.say(new I18n(Locale.SIMPLIFIED_CHINESE), answer)).isEqualTo("Closed 1 stream(s)");
        assertThat(P2pRun.Line.of(3, "opened", "s1", "…tZ9Xz8F").text()).isEqualTo("s1: opened by peer …tZ9Xz8F");
    }
}
