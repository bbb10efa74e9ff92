package gmplab.ui;

import gmplab.runtime.GStatus;
import gmplab.runtime.Recording;
import gmplab.ui.model.Bookmarks;
import gmplab.ui.model.CodeMarkers;
import gmplab.ui.model.CodeMarkers.Marker;
import gmplab.ui.model.GoFileSource;
import gmplab.ui.model.GoSyntax;
import gmplab.ui.model.GoSyntax.Kind;
import gmplab.ui.model.RunViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code pane's models (syntax, goroutine markers), bookmarks and time steps, without the FX thread. */
class CodeAndBookmarksModelTest {
    static final Path SPAWN = examples().resolve("spawnorder/main.go");
    RunViewModel vm;
    String text;

    static Path examples() {
        Path e = gmplab.ui.view.AppOptions.findExamples();
        assertNotNull(e, "examples/ not found");
        return e;
    }

    @BeforeEach
    void load() throws Exception {
        vm = new RunViewModel(Runnable::run, Runnable::run);
        text = Files.readString(SPAWN);
        vm.load(new GoFileSource(SPAWN, text));
        assertNotNull(vm.recording(), vm.statusProperty().get().toString());
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle);
    }

    @Test
    void colouringFindsKeywordsStringsCommentsNumbersAndBuiltins() {
        String src = "// c\npackage main\nfunc f() { s := \"a\\\"b\"; x := 42; go len(s) /* z */ }\nvar r = 'x' + `raw`\n";
        List<GoSyntax.Token> t = GoSyntax.tokens(src);
        Map<String, Kind> byText = new java.util.HashMap<>();
        for (GoSyntax.Token k : t) byText.put(src.substring(k.start(), k.end()), k.kind());
        assertEquals(Kind.COMMENT, byText.get("// c"));
        assertEquals(Kind.KEYWORD, byText.get("package"));
        assertEquals(Kind.KEYWORD, byText.get("func"));
        assertEquals(Kind.KEYWORD, byText.get("go"));
        assertEquals(Kind.STRING, byText.get("\"a\\\"b\""), "escaped quote stays in the string");
        assertEquals(Kind.NUMBER, byText.get("42"));
        assertEquals(Kind.BUILTIN, byText.get("len"));
        assertEquals(Kind.COMMENT, byText.get("/* z */"));
        assertEquals(Kind.STRING, byText.get("'x'"));
        assertEquals(Kind.STRING, byText.get("`raw`"));
        assertFalse(byText.containsKey("main"));
        // a selector named like a builtin is not a builtin (wg.len, fmt.Println)
        assertTrue(GoSyntax.tokens("x.len").isEmpty());
        // unterminated things do not throw
        GoSyntax.tokens("\"abc\n/* open");
        assertEquals(src.indexOf("x :="), GoSyntax.offset(src, 3, src.indexOf("x :=") - src.indexOf("func") + 1));
    }

    @Test
    void markerLineIsTheInnermostFrameInTheFile() {
        assertEquals(28, CodeMarkers.line("main.main(...)\n\tmain.go:28", "main.go"));
        assertEquals(12, CodeMarkers.line("main.worker(...)\n\tprog.go:12\nmain.main(...)\n\tprog.go:30", "prog.go"));
        assertEquals(30, CodeMarkers.line("sync.Wait(...)\n\tsync/wait.go:5\nmain.main(...)\n\tprog.go:30", "prog.go"));
        assertEquals(5, CodeMarkers.line("sync.Wait(...)\n\tsync/wait.go:5", null));
        assertEquals(-1, CodeMarkers.line("runtime.main()", "main.go"));
        assertEquals(-1, CodeMarkers.line("", "main.go"));
    }

    @Test
    void mainIsMarkedAtWgWaitWhileTheGoroutinesRun() {
        int wait = lineOf(text, "wg.Wait()");
        int body = lineOf(text, "fmt.Println(i)");
        int defer = lineOf(text, "defer wg.Done()");
        boolean sawWorker = false;
        for (int i = 0; i < vm.recording().size(); i++) {
            vm.seek(i);
            var g1 = vm.snapshotProperty().get().gs().stream().filter(g -> g.goid() == 1).findFirst().orElse(null);
            if (g1 == null) continue;
            Map<Integer, List<Marker>> m = CodeMarkers.of(vm.snapshotProperty().get(), "main.go");
            if (g1.status() == GStatus.WAITING && g1.waitreason().contains("sem")) {
                assertTrue(m.getOrDefault(wait, List.of()).stream().anyMatch(k -> k.goid() == 1 && k.state() == CodeMarkers.State.WAITING), m.toString());
                for (Map.Entry<Integer, List<Marker>> e : m.entrySet()) {
                    for (Marker k : e.getValue()) {
                        if (k.goid() != 1 && k.state() == CodeMarkers.State.RUNNING) {
                            assertTrue(e.getKey() == body || e.getKey() == defer || e.getKey() == lineOf(text, "go func"), m.toString());
                            sawWorker = true;
                        }
                    }
                }
            }
        }
        assertTrue(sawWorker, "a running worker goroutine had a marker");
    }

    @Test
    void bookmarksToggleAndJumpInOrder() {
        Bookmarks b = new Bookmarks(vm);
        vm.seek(10);
        assertTrue(b.toggle());
        vm.seek(3);
        assertTrue(b.toggle());
        vm.seek(20);
        assertTrue(b.toggle());
        assertEquals(List.of(3, 10, 20), b.list());
        vm.seek(0);
        b.next();
        assertEquals(3, vm.cursor());
        b.next();
        assertEquals(10, vm.cursor());
        assertFalse(b.toggle(), "toggling again removes it");
        assertEquals(List.of(3, 20), b.list());
        b.previous();
        assertEquals(3, vm.cursor());
        b.previous();
        assertEquals(3, vm.cursor(), "no bookmark before the first: stay");
        vm.load(new GoFileSource(SPAWN, text));
        assertTrue(b.list().isEmpty(), "another program clears the bookmarks");
    }

    @Test
    void timeStepsLandOnTheFirstEventAtOrAfterTheTime() {
        Recording r = vm.recording();
        long end = r.events().get(r.size() - 1).time();
        assertTrue(end > 10_000, "run is long enough: " + end);
        for (int step = 0; step < RunViewModel.TIME_STEPS.length; step++) {
            vm.timeStepProperty().set(step);
            long dt = RunViewModel.TIME_STEPS[step];
            vm.home();
            for (int k = 0; k < 50 && !vm.atEnd(); k++) {
                int from = vm.cursor();
                long t = r.events().get(from).time();
                vm.stepTime(+1);
                int to = vm.cursor();
                assertTrue(to > from);
                if (to < r.size() - 1) {
                    assertTrue(r.events().get(to).time() >= t + dt);
                    assertTrue(r.events().get(to - 1).time() < t + dt, "the first such event");
                }
            }
            vm.end();
            for (int k = 0; k < 50 && vm.cursor() > 0; k++) {
                int from = vm.cursor();
                long t = r.events().get(from).time();
                vm.stepTime(-1);
                int to = vm.cursor();
                assertTrue(to < from);
                if (to > 0) {
                    assertTrue(r.events().get(to).time() <= t - dt);
                    assertTrue(r.events().get(to + 1).time() > t - dt, "the last such event");
                }
            }
        }
    }

    @Test
    void lastMoveTellsSingleStepsFromJumps() {
        vm.seek(5);
        vm.stepForward();
        assertEquals(1, vm.lastMove());
        vm.stepBack();
        assertEquals(-1, vm.lastMove());
        vm.seek(40);
        assertEquals(35, vm.lastMove());
    }
}
