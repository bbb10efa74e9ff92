package gmplab.p2p.demo;

import gmplab.golang.GoInspector;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Recording;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records one run of the kubo code in a world: the scheduler's events and states, the
 * program's registries after every event, and a transcript the driver writes to as the
 * run goes. Shared by the simulated session and the replay of a real daemon's journal.
 */
final class RunRecorder {
    private final ListenerDemo.Version version;
    private final Simulation sim;
    private final GoroutineBody main;
    private final P2pRun.History history = new P2pRun.History();
    private final List<P2pRun.Line> transcript = new ArrayList<>();
    private final List<Integer> actionEvents = new ArrayList<>();

    /** Compiles {@code version} against {@code world} and prepares (does not start) its simulation. */
    RunRecorder(ListenerDemo.Version version, World world, SimConfig cfg) {
        this(version, world, cfg, true);
    }

    /** Like the other constructor; without {@code readRegistries} the history stays empty (a benchmark's baseline). */
    RunRecorder(ListenerDemo.Version version, World world, SimConfig cfg, boolean readRegistries) {
        this.version = version;
        var prog = ListenerDemo.compile(version, world);
        this.sim = new Simulation(cfg);
        world.attach(sim);
        this.main = prog.newMain(GoRun.hostOf(sim), VmOptions.defaults());
        if (readRegistries) {
            RegistryReader reader = new RegistryReader(version, GoInspector.of(main));
            int[] next = {0};
            sim.addListener(e -> history.observe(next[0]++, reader.read()));
        }
    }

    Simulation simulation() {
        return sim;
    }

    GoroutineBody main() {
        return main;
    }

    /** The event a line written now belongs to: the last one so far. */
    private int lastEvent() {
        return (int) Math.max(0, sim.eventCount() - 1);
    }

    /** Adds a line of the program's own output at the current event. */
    void line(String text) {
        transcript.add(new P2pRun.Line(lastEvent(), text));
    }

    /** Adds a keyed line ({@link P2pRun.Line#of}) at the current event. */
    void note(String key, String... args) {
        transcript.add(P2pRun.Line.of(lastEvent(), key, args));
    }

    /** Marks the start of a user action at the current event. */
    void actionStarts(P2pAction a) {
        actionEvents.add((int) sim.eventCount());
        transcript.add(a.line(lastEvent()));
    }

    /** Runs {@code drive} (which starts and advances the simulation) and returns the recorded run. */
    P2pRun record(Consumer<Simulation> drive) {
        Recording r = Recording.record(sim, drive);
        return new P2pRun(version, r, transcript, history, actionEvents);
    }

    /** The answer to a command as the console prints it. */
    static String answer(Request q) {
        if (q.error() != null) return "Error: " + q.error();
        return q.output().isEmpty() ? "" : q.output().stripTrailing();
    }
}
