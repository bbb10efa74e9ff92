package gmplab.ui;

import gmplab.cli.Workloads;
import gmplab.runtime.GStatus;
import gmplab.trace.Event;
import gmplab.trace.EventKind;
import gmplab.ui.model.BoardModel;
import gmplab.ui.model.CompileError;
import gmplab.ui.model.EventFilter;
import gmplab.ui.model.EventLogModel;
import gmplab.ui.model.Exports;
import gmplab.ui.model.GoFileSource;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.SchedDetail;
import gmplab.ui.model.SchedtraceLog;
import gmplab.ui.model.TimelineModel;
import gmplab.ui.model.WorkloadSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view models, without the FX thread: executors run inline. */
class RunViewModelTest {
    RunViewModel vm;

    @BeforeEach
    void load() {
        vm = new RunViewModel(Runnable::run, Runnable::run);
        vm.setConfig(vm.configProperty().get().withGomaxprocs(1));
        vm.load(WorkloadSource.of(Workloads.all().get("spawn-order"), null));
    }

    @Test
    void aRunRecordedWhileIdleSaysTheProgramIsStillRunning() {
        gmplab.runtime.Simulation sim = new gmplab.runtime.Simulation(gmplab.runtime.SimConfig.defaults());
        gmplab.runtime.Recording idle = gmplab.runtime.Recording.record(sim, s -> {
            s.start(gmplab.runtime.Script.create().then(gmplab.runtime.Action.NetWait.external("req")).build());
            s.runUntilIdle();
        });
        vm.show(idle, 0);
        assertEquals("status.idle", vm.statusProperty().get().key());
        assertEquals(idle.size(), vm.statusProperty().get().args()[0]);
    }

    @Test
    void aShorterRunNeverMeetsTheOldCursor() {
        vm.end();
        int old = vm.cursor();
        gmplab.runtime.Recording shorter = gmplab.runtime.Recording.record(new gmplab.runtime.Simulation(gmplab.runtime.SimConfig.defaults()),
                s -> s.start(gmplab.runtime.Script.create().then(gmplab.runtime.Action.NetWait.external("req")).build()));
        assertTrue(shorter.size() <= old, shorter.size() + " events, cursor at " + old);
        // the window's log re-reads the event at the cursor when the recording changes
        List<String> seen = new java.util.ArrayList<>();
        vm.recordingProperty().addListener((o, a, r) -> seen.add(vm.cursor() + " of " + r.size()));
        vm.show(shorter, old);
        assertEquals(List.of("-1 of " + shorter.size()), seen, "no cursor past the new run's end while it is installed");
        assertEquals(shorter.size() - 1, vm.cursor());
    }

    @Test
    void loadsAndStartsAtTheFirstEvent() {
        assertNotNull(vm.recording());
        assertEquals(0, vm.cursor());
        assertEquals(EventKind.START, vm.eventProperty().get().kind());
        assertEquals("status.done", vm.statusProperty().get().key());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void stepsForwardAndBackToTheSameState() {
        vm.stepForward();
        vm.stepForward();
        assertEquals(2, vm.cursor());
        var s2 = vm.snapshotProperty().get();
        vm.stepForward();
        vm.stepBack();
        assertEquals(2, vm.cursor());
        assertEquals(s2, vm.snapshotProperty().get());
        vm.stepBack();
        vm.stepBack();
        vm.stepBack();
        assertEquals(0, vm.cursor(), "clamped at the first event");
        vm.end();
        assertEquals(vm.recording().size() - 1, vm.cursor());
        vm.stepForward();
        assertEquals(vm.recording().size() - 1, vm.cursor(), "clamped at the last event");
        vm.home();
        assertEquals(0, vm.cursor());
    }

    @Test
    void decisionStepsSkipBookkeeping() {
        for (int i = 0; i < 20; i++) {
            int before = vm.cursor();
            vm.stepDecisionForward();
            assertTrue(vm.cursor() > before || vm.atEnd());
            assertTrue(vm.eventProperty().get().kind().decision || vm.atEnd());
            for (int j = before + 1; j < vm.cursor(); j++) {
                assertFalse(vm.recording().events().get(j).kind().decision, "skipped a decision at " + j);
            }
        }
        int c = vm.cursor();
        vm.stepDecisionBack();
        assertTrue(vm.cursor() < c);
        assertTrue(vm.eventProperty().get().kind().decision);
    }

    @Test
    void boardShowsTheRunnextPuzzleOnOneP() {
        // after main has spawned all ten goroutines: the last one in runnext, nine in P0's ring
        int lastNewproc = vm.find(vm.recording().size() - 1, -1, e -> e.kind() == EventKind.NEWPROC);
        vm.seek(lastNewproc);
        BoardModel b = vm.boardProperty().get();
        assertEquals(1, b.ps().size());
        var p0 = b.ps().get(0).p();
        assertTrue(p0.runnext() >= 0, "runnext holds the newest G");
        assertTrue(p0.runq().length >= 9, "the other nine wait in the ring (behind any runtime G)");
        assertEquals(p0.runnext(), vm.eventProperty().get().argLong(0));
        // at the end everything has exited and the output is 9 0 1 … 8
        vm.end();
        assertEquals("9\n0\n1\n2\n3\n4\n5\n6\n7\n8\n", vm.outputProperty().get());
        assertTrue(vm.boardProperty().get().parked().keySet().stream().noneMatch(k -> k.startsWith("semacquire")));
    }

    @Test
    void outputFollowsTheCursor() {
        int firstPrint = vm.find(0, 1, e -> e.kind() == EventKind.PRINT);
        vm.seek(firstPrint - 1);
        assertEquals("", vm.outputProperty().get());
        vm.seek(firstPrint);
        assertEquals("9\n", vm.outputProperty().get());
    }

    @Test
    void playAdvancesWithSpeedAndStopsAtTheEnd() {
        vm.speedProperty().set(3); // 4 events per second
        vm.togglePlay();
        assertTrue(vm.playingProperty().get());
        vm.advance(0.5);
        assertEquals(2, vm.cursor());
        vm.faster();
        assertEquals(4, vm.speedProperty().get());
        vm.advance(1000);
        assertTrue(vm.atEnd());
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void runAgainKeepsTheCursorAndAppliesSettings() {
        vm.seek(30);
        vm.setConfig(vm.configProperty().get().withGomaxprocs(4).withSeed(7));
        vm.runAgain("");
        assertEquals(30, vm.cursor());
        assertEquals(4, vm.recording().config().gomaxprocs());
        assertEquals(4, vm.boardProperty().get().ps().size());
    }

    @Test
    void goSourcesRunAndCompileErrorsHaveLineAndColumn() {
        String ok = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan bool)\n"
                + "\tgo func() { fmt.Println(\"hi\"); done <- true }()\n\t<-done\n}\n";
        vm.load(new GoFileSource(Path.of("examples/x/main.go"), ok));
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
        vm.end();
        assertEquals("hi\n", vm.outputProperty().get());
        vm.runAgain("package main\n\nfunc main() {\n\tx := undefinedThing\n}\n");
        assertFalse(vm.errors().isEmpty());
        assertEquals(4, vm.errors().get(0).line());
        assertTrue(vm.errors().get(0).col() > 1);
        assertEquals("status.compileErrors", vm.statusProperty().get().key());
        assertEquals(new CompileError("a.go", 3, 7, "undefined: x"), CompileError.parse("a.go:3:7: undefined: x"));
    }

    @Test
    void theSpawnOrderExampleRunsFromGoSource() throws Exception {
        Path go = gmplab.ui.view.AppOptions.findExamples().resolve("spawnorder/main.go");
        vm.load(new GoFileSource(go, java.nio.file.Files.readString(go)));
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
        vm.end();
        assertEquals("9\n0\n1\n2\n3\n4\n5\n6\n7\n8\n", vm.outputProperty().get());
    }

    @Test
    void filterByKindAndIds() {
        List<Event> ev = vm.recording().events();
        int[] rows = EventLogModel.indices(ev, EventFilter.of(new EventFilter.KindChoice(EventKind.NEWPROC, false), "g5"));
        assertEquals(1, rows.length);
        assertEquals(5, ev.get(rows[0]).g());
        int[] decisions = EventLogModel.indices(ev, EventFilter.of(EventFilter.KindChoice.DECISIONS, ""));
        assertTrue(decisions.length < ev.size());
        int[] p0 = EventLogModel.indices(ev, EventFilter.of(EventFilter.KindChoice.ALL, "P0 execute"));
        for (int i : p0) assertEquals(EventKind.EXECUTE, ev.get(i).kind());
        assertEquals(1, EventLogModel.rowFor(new int[]{2, 5, 9}, 7));
        assertEquals(0, EventLogModel.rowFor(new int[]{2, 5, 9}, 0));
        assertEquals(2, EventLogModel.rowFor(new int[]{2, 5, 9}, 9));
    }

    @Test
    void inspectorPrintsSchedDetailFields() {
        vm.end();
        var s = vm.snapshotProperty().get();
        String p = SchedDetail.of(s, new SchedDetail.Selection(SchedDetail.Kind.P, 0));
        assertTrue(p.startsWith("P0: status="), p);
        assertTrue(p.contains(" schedtick=") && p.contains(" runqsize=0"), p);
        String m = SchedDetail.of(s, new SchedDetail.Selection(SchedDetail.Kind.M, 0));
        assertTrue(m.startsWith("M0: p="), m);
        var g = s.gs().stream().filter(x -> !x.system() && x.goid() > 1).findFirst().orElseThrow();
        String gt = SchedDetail.of(s, new SchedDetail.Selection(SchedDetail.Kind.G, g.goid()));
        assertTrue(gt.startsWith("G" + g.goid() + ": status=" + GStatus.DEAD.code), gt);
        assertTrue(gt.contains("P history: P0"), gt);
        assertEquals("", SchedDetail.of(s, new SchedDetail.Selection(SchedDetail.Kind.G, 99999)));
    }

    @Test
    void timelineHasSlicesPerPAndM() {
        TimelineModel t = vm.timelineProperty().get();
        assertEquals("P0", t.lanes().get(0).name());
        assertTrue(t.lanes().get(0).slices().size() >= 11, "main and ten goroutines ran on P0");
        assertTrue(t.lanes().stream().anyMatch(l -> !l.isP() && !l.slices().isEmpty()));
    }

    @Test
    void schedtraceExportAndParse() {
        vm.setConfig(vm.configProperty().get().withGomaxprocs(2));
        String text = Exports.schedtrace(vm.configProperty().get(), Workloads.all().get("cpu").main(), null);
        var samples = SchedtraceLog.parse(text);
        assertFalse(samples.isEmpty(), text);
        assertEquals(2, samples.get(0).gomaxprocs());
        String real = "hello\nSCHED 1009ms: gomaxprocs=4 idleprocs=1 threads=8 spinningthreads=1 idlethreads=2 runqueue=3 [0 5 1 0]\n"
                + "SCHED 2010ms: gomaxprocs=4 idleprocs=4 threads=8 spinningthreads=0 idlethreads=5 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n"
                + "  P0: status=0 schedtick=10 syscalltick=2 m=-1 runqsize=7 gfreecnt=0 timerslen=0\n";
        var r = SchedtraceLog.parse(real);
        assertEquals(2, r.size());
        assertEquals(5, r.get(0).localQueues()[1]);
        assertEquals(7, r.get(1).localQueues()[0]);
        assertEquals(8, SchedtraceLog.series(r)[0][1]);
        assertNull(null);
    }
}
