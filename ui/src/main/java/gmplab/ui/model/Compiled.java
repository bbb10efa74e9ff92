package gmplab.ui.model;

import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Recording;
import gmplab.runtime.SimConfig;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The result of compiling a program: how to record a run of it (and a factory of
 * fresh main bodies), or compile errors.
 */
public record Compiled(Supplier<GoroutineBody> main, Function<SimConfig, Recording> recorder,
                       List<CompileError> errors) {

    /** A program whose body needs nothing from the simulation it runs in. */
    public static Compiled ok(Supplier<GoroutineBody> main) {
        return new Compiled(main, cfg -> Recording.record(cfg, main), List.of());
    }

    /** A program recorded its own way (a Go program bound to its simulation's clock). */
    public static Compiled ok(Supplier<GoroutineBody> main, Function<SimConfig, Recording> recorder) {
        return new Compiled(main, recorder, List.of());
    }

    public static Compiled failed(List<CompileError> errors) {
        return new Compiled(null, null, List.copyOf(errors));
    }

    public boolean ok() {
        return main != null && errors.isEmpty();
    }

    /** Runs the program with {@code cfg} and records the run. */
    public Recording record(SimConfig cfg) {
        return recorder.apply(cfg);
    }
}
