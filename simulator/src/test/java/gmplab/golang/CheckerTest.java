package gmplab.golang;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The checker's diagnostics, for cases not covered by the recorded gc outputs. */
class CheckerTest {

    static List<String> errors(String body) {
        String src = "package main\n\nimport \"fmt\"\n\n" + body + "\n\nvar _ = fmt.Sprint\n";
        try {
            GoProgram.compile("p.go", src);
            return List.of();
        } catch (GoCompileException e) {
            return e.errors();
        }
    }

    @Test
    void acceptsAValidProgram() {
        assertThat(errors("func main() { x := 1; fmt.Println(x) }")).isEmpty();
    }

    @Test
    void reportsSeveralErrorsAtOnceInSourceOrder() {
        List<String> e = errors("func main() {\n\ta := 1\n\tb := undefinedThing\n\tvar c string = 1\n}");
        assertThat(e).containsExactly(
                "p.go:6:2: a declared but not used",
                "p.go:7:7: undefined: undefinedThing",
                "p.go:8:17: cannot use 1 (untyped int constant) as string value in variable declaration");
    }

    @Test
    void unsupportedFeaturesAreNamedNeverACrash() {
        String[] programs = {
                "type T[X any] struct{ x X }\nfunc main() {}",
                "func main() { var c complex128; _ = c }",
                "func main() { defer recover() }",
                "func main() { goto x\nx:\n}",
                "func main() { x := 1i; _ = x }",
        };
        for (String p : programs) {
            List<String> e = errors(p);
            assertThat(e).as(p).isNotEmpty();
            assertThat(String.join("\n", e)).as(p).containsAnyOf("not supported by GMP Lab", "undefined: complex128");
        }
    }

    @Test
    void garbageInputNeverCrashes() {
        String[] inputs = {"", "package", "package main\nfunc", "package main\nfunc main() { {{{ ", "package main\nfunc main() { x := [](int{ }",
                "package main\nfunc main() { for { select { case <-: } } }", "package main\ntype T struct { a int; a int }\nfunc main(){}",
                "package main\nfunc main() { var x = []int{1,2}[5]; _ = x }", "package main\nfunc main() { switch x := 5; x { case \"a\": } }"};
        for (String in : inputs) {
            try {
                GoProgram.compile("g.go", in);
            } catch (GoCompileException e) {
                assertThat(e.errors()).allMatch(m -> m.startsWith("g.go:"));
            } catch (RuntimeException e) {
                fail("crash on " + in.replace('\n', ' ') + ": " + e);
            }
        }
    }

    @Test
    void typeChecksCommonMistakes() {
        assertThat(errors("func f(a int, b string) {}\nfunc main() { f(\"x\", 1) }")).containsExactly(
                "p.go:6:17: cannot use \"x\" (untyped string constant) as int value in argument to f",
                "p.go:6:22: cannot use 1 (untyped int constant) as string value in argument to f");
        assertThat(errors("func main() { var m map[string]int; m.Foo() }")).hasSize(1);
        assertThat(errors("func main() { ch := make(chan<- int); <-ch }").get(0))
                .contains("cannot receive from send-only channel");
        assertThat(errors("func main() { x := 5; x = \"s\"; _ = x }").get(0))
                .isEqualTo("p.go:5:27: cannot use \"s\" (untyped string constant) as int value in assignment");
        assertThat(errors("func main() { for i := 0; i < 3; i++ { break L } }").get(0)).contains("break label not defined: L");
        assertThat(errors("func main() { const c = 10 / 0 }").get(0)).contains("division by zero");
    }
}
