package gmplab.ui.model;

import gmplab.golang.GoCompileException;
import gmplab.golang.GoHost;
import gmplab.golang.GoProgram;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.runtime.SimConfig;

import java.util.List;

/**
 * The bridge to the Go-subset front end ({@code gmplab.golang}): compiles a
 * source file to a factory of fresh main bodies, or to compile errors at
 * their line and column. The only class that knows the front end.
 * Runs are recorded with {@link GoRun#record}, so the program reads the clock
 * and counters of the simulation it runs in.
 */
public final class GoFrontEnd {
    private GoFrontEnd() {
    }

    /** True: Go sources can be edited and run from the app. */
    public static boolean available() {
        return true;
    }

    /** Compiles {@code text} (file name {@code file}) for a run with {@code cfg}. */
    public static Compiled compile(String file, String text, SimConfig cfg) {
        GoProgram prog;
        try {
            prog = GoProgram.compile(file, text);
        } catch (GoCompileException e) {
            return Compiled.failed(e.errors().stream().map(CompileError::parse).toList());
        } catch (RuntimeException e) {
            return Compiled.failed(List.of(new CompileError(file, 1, 1, "internal compiler error: " + e)));
        }
        GoHost host = new GoHost() {
            @Override
            public long nanotime() {
                return 0;
            }

            @Override
            public int numGoroutine() {
                return 1;
            }

            @Override
            public int gomaxprocs() {
                return cfg.gomaxprocs();
            }

            @Override
            public int ncpu() {
                return cfg.ncpu();
            }
        };
        // `main` alone (for callers that drive a body themselves) sees a host with a frozen clock.
        return Compiled.ok(() -> prog.newMain(host, VmOptions.defaults()),
                runCfg -> GoRun.record(prog, runCfg, VmOptions.defaults()));
    }
}
