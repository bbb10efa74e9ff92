package gmplab.lessons.query;

import gmplab.cli.Workloads;
import gmplab.runtime.Recording;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest {
    static Recording spawn;
    static Recording burst;
    static Recording overflow;

    @BeforeAll
    static void record() {
        spawn = Recording.record(SimConfig.defaults().withGomaxprocs(1), () -> Workloads.spawnPrint(10));
        overflow = Recording.record(SimConfig.defaults().withGomaxprocs(1), () -> Workloads.spawnPrint(300));
        burst = Recording.record(SimConfig.defaults().withGomaxprocs(4).withSeed(3), () -> Workloads.burst(300, 2_000));
    }

    static RunView view(Recording r) {
        return view(r, Map.of());
    }

    static RunView view(Recording r, Map<String, String> files) {
        return new RunView() {
            public List<Event> events() {
                return r.events();
            }

            public RunResult result() {
                return r.result();
            }

            public Snapshot snapshotAt(int i) {
                return r.snapshotAt(i);
            }

            public String file(String name) {
                return files.get(name);
            }
        };
    }

    static String eval(Recording r, String q) {
        return Query.parse(q).evaluate(view(r)).value().text();
    }

    @Test
    void printsAndOrder() {
        assertThat(eval(spawn, "prints")).isEqualTo("9 0 1 2 3 4 5 6 7 8");
        assertThat(eval(spawn, "order of prints")).isEqualTo("9 0 1 2 3 4 5 6 7 8");
        assertThat(eval(spawn, "exit code")).isEqualTo("0");
        assertThat(eval(spawn, "stdout = \"9\n0\n1\n2\n3\n4\n5\n6\n7\n8\"")).isEqualTo("true");
    }

    @Test
    void runnextWhenMainBlocks() {
        Query q = Query.parse("runnext of P0 after first park of G1 with wg");
        Query.Answer a = q.evaluate(view(spawn));
        assertThat(a.value()).isInstanceOf(Value.Ref.class);
        assertThat(a.focus().key()).isEqualTo("park.semacquire");
        String g = a.value().text();
        assertThat(eval(spawn, "g of first print")).isEqualTo(g);
        assertThat(eval(spawn, "count print")).isEqualTo("10");
        assertThat(eval(spawn, "runqsize of P0 after first park of G1 with wg"))
                .isEqualTo(String.valueOf(spawn.snapshotAt((int) a.focus().seq()).ps().get(0).runq().length));
    }

    @Test
    void eventPropertiesAndFilters() {
        assertThat(eval(burst, "count steal")).isNotEqualTo("0");
        String victim = eval(burst, "victim of first steal");
        assertThat(victim).matches("P[0-3]");
        assertThat(eval(burst, "count steal from " + victim + " > 0")).isEqualTo("true");
        assertThat(eval(overflow, "n of first runqputslow")).isEqualTo("129");
        assertThat(eval(overflow, "count globrunqget.fairness > 0")).isEqualTo("true");
        assertThat(eval(burst, "distinct p of execute user")).isEqualTo("4");
        assertThat(eval(burst, "first steal before first newproc")).isEqualTo("none");
        assertThat(eval(burst, "victim of first steal before first newproc")).isEqualTo("none");
        assertThat(eval(burst, "seq of first newproc < seq of first steal")).isEqualTo("true");
        assertThat(eval(burst, "max threads >= threads")).isEqualTo("true");
        assertThat(eval(burst, "(count steal > 0 and not count fatal > 0) or false")).isEqualTo("true");
    }

    @Test
    void statesAtTimes() {
        assertThat(eval(spawn, "status of G1 at end")).isEqualTo("running");
        assertThat(eval(spawn, "status of G15 at end")).isEqualTo("dead");
        assertThat(eval(spawn, "status of P0 at 0ns")).isEqualTo("running");
        assertThat(eval(spawn, "global runqsize at end")).isEqualTo("0");
        assertThat(eval(spawn, "threads after first newm")).isEqualTo("2");
    }

    @Test
    void schedtraceFromAFile() {
        String log = "SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 [0 0]\n"
                + "SCHED 10ms: gomaxprocs=2 idleprocs=0 threads=12 spinningthreads=1 idlethreads=2 runqueue=3 [1 5]\n";
        RunView v = view(spawn, Map.of("t.txt", log));
        assertThat(Query.parse("schedtrace threads of record 2 in \"t.txt\"").evaluate(v).value().text()).isEqualTo("12");
        assertThat(Query.parse("schedtrace P1 of last record in \"t.txt\"").evaluate(v).value().text()).isEqualTo("5");
        assertThat(Query.parse("schedtrace max runqueue in \"t.txt\"").evaluate(v).value().text()).isEqualTo("3");
        assertThat(Query.parse("schedtrace records in \"t.txt\"").evaluate(v).value().text()).isEqualTo("2");
        assertThat(Query.parse("schedtrace local of record 2 in \"t.txt\"").evaluate(v).value().text()).isEqualTo("1 5");
        assertThatThrownBy(() -> Query.parse("schedtrace threads of record 1 in \"nope.txt\"").evaluate(v))
                .isInstanceOf(QueryException.class).hasMessageContaining("nope.txt");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> Query.parse("first stael")).isInstanceOf(QueryException.class)
                .hasMessageContaining("unknown event 'stael'")
                .satisfies(e -> assertThat(((QueryException) e).column()).isEqualTo(7));
        assertThatThrownBy(() -> Query.parse("runnext of G1")).isInstanceOf(QueryException.class)
                .hasMessageContaining("expected a P");
        assertThatThrownBy(() -> Query.parse("count steal )")).isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).column()).isEqualTo(13));
        assertThatThrownBy(() -> Query.parse("victim first steal")).hasMessageContaining("expected 'of'");
        assertThatThrownBy(() -> Query.parse("time of first steal > 10xs")).hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> Query.parse("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Query.parse("frobnicate")).hasMessageContaining("unknown word");
    }

    @Test
    void predicatesAreRecognised() {
        assertThat(Query.parse("max threads >= 10").isPredicate()).isTrue();
        assertThat(Query.parse("count steal > 0 and exit code = 0").isPredicate()).isTrue();
        assertThat(Query.parse("max threads").isPredicate()).isFalse();
    }

    @Test
    void choicesMatchIgnoringCaseAndSpacing() {
        assertThat(new Value.Lst(List.of(new Value.Num(9), new Value.Num(0))).matches(" 9\n0 ")).isTrue();
        assertThat(new Value.Ref('P', 1).matches("p1")).isTrue();
        assertThat(Value.NONE.matches("None")).isTrue();
        assertThat(new Value.Num(10).matches("1 0")).isFalse();
    }
}
