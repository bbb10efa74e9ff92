package gmplab.lessons;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    @Test
    void arithmeticAndSeq() {
        Map<String, Long> p = Map.of("n", 5L, "procs", 2L);
        assertThat(Template.render("{{n}} {{n-1}} {{n*2+1}} {{(n-1)%3}} {{n/procs}}", p)).isEqualTo("5 4 11 1 2");
        assertThat(Template.render("[{{seq 0 n-2}}]", p)).isEqualTo("[0 1 2 3]");
        assertThat(Template.render("[{{seq 3 1}}]", p)).isEqualTo("[]");
        assertThat(Template.render("no holes", p)).isEqualTo("no holes");
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> Template.render("{{m}}", Map.of("n", 1L))).hasMessageContaining("unknown parameter 'm'");
        assertThatThrownBy(() -> Template.render("{{n/0}}", Map.of("n", 1L))).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> Template.render("{{n +}}", Map.of("n", 1L))).hasMessageContaining("ends early");
        assertThatThrownBy(() -> Template.render("{{seq 1}}", Map.of())).hasMessageContaining("two bounds");
    }

    @Property
    void seqHasTheRightLength(@ForAll @IntRange(min = 0, max = 300) int a, @ForAll @IntRange(min = 0, max = 300) int b) {
        String s = Template.render("{{seq a b}}", Map.of("a", (long) a, "b", (long) b));
        int expected = Math.max(0, b - a + 1);
        assertThat(s.isEmpty() ? 0 : s.split(" ").length).isEqualTo(expected);
    }

    @Property
    void arithmeticAgreesWithJava(@ForAll @IntRange(min = -1000, max = 1000) int x,
                                  @ForAll @IntRange(min = 1, max = 50) int y) {
        Map<String, Long> p = Map.of("x", (long) x, "y", (long) y);
        assertThat(Template.render("{{x*y-(x+y)/y%7}}", p)).isEqualTo(Long.toString((long) x * y - ((long) x + y) / y % 7));
    }
}
