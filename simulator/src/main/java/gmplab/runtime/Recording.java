package gmplab.runtime;

import gmplab.trace.Event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A whole run, recorded: every event, the result, and the state after any
 * event on demand — time travel as a seek. While the program runs, a
 * {@link StateTracker} stores what each event changed and a full checkpoint
 * every few thousand events; a seek copies the nearest
 * checkpoint and applies the changes up to the wanted event, so it costs the
 * same forward or back, wherever it lands.
 */
public final class Recording {
    private final SimConfig cfg;
    private final List<Event> events;
    private final RunResult result;
    private final StateTracker tracker;
    private final boolean ended;

    private Recording(SimConfig cfg, List<Event> events, RunResult result, StateTracker tracker, boolean ended) {
        this.ended = ended;
        this.cfg = cfg;
        this.events = events;
        this.result = result;
        this.tracker = tracker;
    }

    /** Runs the program made by {@code mainFactory} and records the run. */
    public static Recording record(SimConfig cfg, Supplier<GoroutineBody> mainFactory) {
        return record(new Simulation(cfg), mainFactory);
    }

    /**
     * Records a run of a simulation prepared by the caller (e.g. with external readiness
     * already injected, or a Go program bound to this simulation's clock).
     */
    public static Recording record(Simulation sim, Supplier<GoroutineBody> mainFactory) {
        return record(sim, s -> s.run(mainFactory.get()));
    }

    /**
     * Records a run the caller drives: {@code drive} starts {@code sim} and advances it as
     * far as it wants (to the end, or to a point where the program is idle, waiting for
     * input — then {@link #ended()} is false and the result says "running").
     */
    public static Recording record(Simulation sim, java.util.function.Consumer<Simulation> drive) {
        List<Event> events = new ArrayList<>();
        StateTracker tracker = new StateTracker(sim.sched());
        sim.addListener(e -> {
            events.add(e);
            tracker.capture(e);
        });
        drive.accept(sim);
        return new Recording(sim.config(), Collections.unmodifiableList(events), sim.result(), tracker, sim.finished());
    }

    /** True if the program ended (exit, fatal error, limit); false if it was still running when recorded. */
    public boolean ended() {
        return ended;
    }

    public SimConfig config() {
        return cfg;
    }

    public List<Event> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    public RunResult result() {
        return result;
    }

    /** The state at the moment event {@code index} happened. */
    public Snapshot snapshotAt(long index) {
        if (index < 0 || index >= events.size()) {
            throw new IndexOutOfBoundsException("event " + index + " of " + events.size());
        }
        return tracker.snapshotAt((int) index);
    }

    /** Index of the first event at or after virtual time {@code t} (the last event if none). */
    public int indexAtTime(long t) {
        int lo = 0;
        int hi = events.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).time() < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
