package gmplab.runtime;

import gmplab.trace.Event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A whole run, recorded: every event, the result, and the state after any
 * event on demand — time travel as a seek. The engine is deterministic, so
 * the state after event {@code i} is found by replaying the same program
 * (with the same seed and settings) up to {@code i}: forward seeks continue a
 * live replay, backward seeks start a fresh one; recently visited states are
 * cached, so stepping back and forth is immediate.
 */
public final class Recording {
    private static final int CACHE_SIZE = 4096;
    /** States kept after the wanted one while replaying, for the next step forward. */
    private static final int NEIGHBOURS = 64;

    private final SimConfig cfg;
    private final Supplier<GoroutineBody> mainFactory;
    private final List<Event> events;
    private final RunResult result;
    private final Map<Long, Snapshot> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Snapshot> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private Simulation replay;
    private long wanted = -1;
    private int replays;

    private Recording(SimConfig cfg, Supplier<GoroutineBody> mainFactory, List<Event> events, RunResult result) {
        this.cfg = cfg;
        this.mainFactory = mainFactory;
        this.events = events;
        this.result = result;
    }

    /**
     * Runs the program produced by {@code mainFactory} (called once per replay: it
     * must give an equivalent fresh body each time) and records the run.
     */
    public static Recording record(SimConfig cfg, Supplier<GoroutineBody> mainFactory) {
        List<Event> events = new ArrayList<>();
        Simulation sim = new Simulation(cfg);
        sim.addListener(events::add);
        RunResult r = sim.run(mainFactory.get());
        return new Recording(cfg, mainFactory, Collections.unmodifiableList(events), r);
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

    /** How many fresh replays seeks have needed (for tests and the benchmark). */
    public int replays() {
        return replays;
    }

    /** The state at the moment event {@code index} happened. */
    public synchronized Snapshot snapshotAt(long index) {
        if (index < 0 || index >= events.size()) {
            throw new IndexOutOfBoundsException("event " + index + " of " + events.size());
        }
        Snapshot s = cache.get(index);
        if (s != null) return s;
        if (replay == null || replay.eventCount() > index) {
            replays++;
            replay = new Simulation(cfg);
            replay.addListener(e -> {
                // Keep the states of the step that contains the wanted event (and its neighbours).
                // (bounded: one scheduler step can emit thousands of events, e.g. close with many waiters)
                if (e.seq() >= wanted - 1 && e.seq() <= wanted + NEIGHBOURS) cache.put(e.seq(), replay.snapshot());
            });
            replay.start(mainFactory.get());
        }
        wanted = index;
        replay.runUntilEvents(index + 1);
        s = cache.get(index);
        if (s == null) throw new IllegalStateException("replay diverged: event " + index + " not reproduced");
        return s;
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
