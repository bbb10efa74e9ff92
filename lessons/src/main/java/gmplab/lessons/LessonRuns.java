package gmplab.lessons;

import gmplab.golang.GoCompileException;
import gmplab.golang.GoProgram;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.lessons.query.RunView;
import gmplab.runtime.Recording;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles lesson programs with the Go-subset front end and records their runs,
 * remembering recent ones (the same program and settings always give the same
 * run, so a cached recording is as good as a fresh one).
 */
public final class LessonRuns {
    private record Key(String file, String source, SimConfig cfg) { }

    private final Map<String, GoProgram> programs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GoProgram> e) {
            return size() > 64;
        }
    };
    private final Map<Key, Recording> runs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recording> e) {
            return size() > 32;
        }
    };

    /** Compiles (cached by source text). */
    public synchronized GoProgram compile(String file, String source) throws GoCompileException {
        String k = file + "\u0000" + source;
        GoProgram p = programs.get(k);
        if (p == null) {
            p = GoProgram.compile(file, source);
            programs.put(k, p);
        }
        return p;
    }

    /** Compiles and records a run of {@code source} with {@code settings}. */
    public synchronized Recording record(String file, String source, Settings settings) throws GoCompileException {
        SimConfig cfg = settings.toConfig();
        Key key = new Key(file, source, cfg);
        Recording r = runs.get(key);
        if (r == null) {
            GoProgram prog = compile(file, source);
            // bound to its own simulation's clock and counters; a constant GOMAXPROCS at the top of main wins
            r = GoRun.record(prog, cfg, VmOptions.defaults());
            runs.put(key, r);
        }
        return r;
    }

    /** A query's view of a recording, with the lesson's extra files. */
    public static RunView view(Recording r, Map<String, String> files) {
        return new RunView() {
            @Override
            public List<Event> events() {
                return r.events();
            }

            @Override
            public RunResult result() {
                return r.result();
            }

            @Override
            public Snapshot snapshotAt(int index) {
                return r.snapshotAt(index);
            }

            @Override
            public String file(String name) {
                return files.get(name);
            }
        };
    }
}
