package gmplab.runtime;

import gmplab.trace.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Helpers for running bodies in tests, with the invariants checked after every event. */
final class SimTesting {
    private SimTesting() {
    }

    record Run(RunResult result, List<Event> events, Simulation sim) {
        long count(Predicate<Event> p) {
            return events.stream().filter(p).count();
        }

        long count(String key) {
            return count(e -> e.key().equals(key));
        }

        List<Event> all(String key) {
            return events.stream().filter(e -> e.key().equals(key)).toList();
        }
    }

    static Run run(SimConfig cfg, GoroutineBody main) {
        Simulation sim = Invariants.checked(new Simulation(cfg));
        List<Event> events = new ArrayList<>();
        sim.addListener(events::add);
        RunResult r = sim.run(main);
        return new Run(r, events, sim);
    }

    static SimConfig procs(int n) {
        return SimConfig.defaults().withGomaxprocs(n);
    }

    /** A recorded real Go 1.19 output from src/test/resources/realgo. */
    static String realgo(String path) {
        try (var in = SimTesting.class.getResourceAsStream("/realgo/" + path)) {
            if (in == null) throw new IllegalArgumentException("no recorded real Go output " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
