package gmplab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static gmplab.lessons.TestLessons.text;
import static org.assertj.core.api.Assertions.assertThat;

class LessonCheckerTest {
    @TempDir
    Path dir;

    List<Problem> check(String steps) throws Exception {
        return check(steps, TestLessons.SPAWN, "{\"gomaxprocs\": 1}");
    }

    List<Problem> check(String steps, String program, String settings) throws Exception {
        TestLessons.write(dir, "l", steps, program, settings);
        LessonRuns runs = new LessonRuns();
        LessonLoader.Result r = new LessonLoader(runs).loadDirectory(dir);
        assertThat(r.problems()).isEmpty();
        return new LessonChecker(runs).check(r.lessons().get(0)).problems();
    }

    @Test
    void aGoodLessonPasses() throws Exception {
        assertThat(check(TestLessons.GOOD_STEPS)).isEmpty();
    }

    @Test
    void noMatchingChoiceFailsWithTheComputedAnswer() throws Exception {
        List<Problem> p = check("    {\"kind\": \"predict\", \"text\": " + text("x")
                + ", \"query\": \"prints\", \"choices\": [\"0 1 2 3 4\", \"4 3 2 1 0\"]}");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.message()).contains("gives \"4 0 1 2 3\", which none of the choices matches");
        });
    }

    @Test
    void twoMatchingChoicesFail() throws Exception {
        assertThat(check("    {\"kind\": \"predict\", \"text\": " + text("x")
                + ", \"query\": \"count print\", \"choices\": [\"5\", \" 5 \"]}"))
                .singleElement().extracting(Problem::message).asString().contains("2 choices match");
    }

    @Test
    void queryWithoutAnAnswerFails() throws Exception {
        assertThat(check("    {\"kind\": \"predict\", \"text\": " + text("x") + ", \"query\": \"victim of first steal\"}"))
                .singleElement().extracting(Problem::message).asString().contains("has no answer");
    }

    @Test
    void tryGoalsMustBeReachableAndNotAlreadyMet() throws Exception {
        String met = "    {\"kind\": \"try\", \"text\": " + text("x") + ", \"editable\": [\"gomaxprocs\"],"
                + " \"goal\": \"count print = 5\", \"solutionSettings\": {\"gomaxprocs\": 2}}";
        assertThat(check(met)).singleElement().extracting(Problem::message).asString().contains("already met");
        String unreachable = "    {\"kind\": \"try\", \"text\": " + text("x") + ", \"editable\": [\"gomaxprocs\"],"
                + " \"goal\": \"count print = 6\", \"solutionSettings\": {\"gomaxprocs\": 2}}";
        assertThat(check(unreachable)).singleElement().extracting(Problem::message).asString()
                .contains("does not meet the goal");
    }

    @Test
    void threadsGoalWithSyscalls() throws Exception {
        String step = "    {\"kind\": \"try\", \"text\": " + text("x") + ", \"editable\": [\"gomaxprocs\"],"
                + " \"goal\": \"max threads >= 5\", \"solutionSettings\": {\"gomaxprocs\": 1}}";
        // 4 goroutines in 20 ms syscalls need 4 threads besides m0 and sysmon at any GOMAXPROCS: already met
        assertThat(check(step, TestLessons.SYSCALLS, "{\"gomaxprocs\": 4}")).singleElement()
                .extracting(Problem::message).asString().contains("already met");
    }

    @Test
    void aProgramThatSetsGomaxprocsMustRunWithThatMany() throws Exception {
        String prog = TestLessons.SPAWN.replace("import (", "import (\n\t\"runtime\"").replace("var wg", "runtime.GOMAXPROCS(1)\n\tvar wg");
        List<Problem> p = check("    {\"kind\": \"predict\", \"text\": " + text("x") + ", \"query\": \"count print\"}",
                prog, "{\"gomaxprocs\": 2}");
        assertThat(p).singleElement().extracting(Problem::message).asString()
                .contains("calls runtime.GOMAXPROCS(1) but the step runs with gomaxprocs 2");
    }

    @Test
    void challengeWithoutDecisionsFails() throws Exception {
        assertThat(check("    {\"kind\": \"challenge\", \"text\": " + text("x") + ", \"points\": \"steal\", \"ask\": \"victim\"}"))
                .singleElement().extracting(Problem::message).asString().contains("no decision points");
    }
}
