package gmplab.golang;

import gmplab.runtime.GoroutineBody;

import java.util.List;
import java.util.Optional;

/**
 * Read-only access to a running Go program's package-level variables, for debugger-like
 * views (the P2P pane reads {@code nodeP2P.Listeners.Listeners} this way).
 *
 * <pre>{@code
 * GoroutineBody main = program.newMain(host, options);
 * sim.start(main);
 * GoInspector inspector = GoInspector.of(main);
 * sim.runUntilEvents(100);
 * inspector.global("nodeP2P").map(p -> p.field("Listeners").field("Listeners").entries());
 * }</pre>
 *
 * Reads live VM memory: use it on the simulation's thread while the simulation is
 * paused between events, and read again after every step (see {@link GoValue}).
 */
public final class GoInspector {
    private final Program prog;

    private GoInspector(Program prog) {
        this.prog = prog;
    }

    /**
     * An inspector for the execution that {@code main} belongs to.
     *
     * @param main a body returned by {@link GoProgram#newMain} (or any goroutine of that execution)
     * @throws IllegalArgumentException if {@code main} is not a goroutine of a compiled Go program
     */
    public static GoInspector of(GoroutineBody main) {
        if (!(main instanceof Machine m)) {
            throw new IllegalArgumentException("not a Go program's goroutine: "
                    + (main == null ? "null" : main.getClass().getName()) + " (pass the body GoProgram.newMain returned)");
        }
        return new GoInspector(m.prog);
    }

    /**
     * The current value of package-level variable {@code name}, or empty if the program
     * declares no such variable. The value is read now; read again after the simulation moves on.
     */
    public Optional<GoValue> global(String name) {
        Compiler.Global g = prog.globalNames.get(name);
        if (g == null) return Optional.empty();
        Object v = prog.globals[g.slot()].v;
        // before package initialisation has run the slot is still empty: show the zero value, as Go would
        if (v == null && !g.type().isNillable()) v = Values.zero(g.type());
        return Optional.of(GoValue.of(g.type(), v));
    }

    /** The names of the program's package-level variables, in source order ({@code _} excluded). */
    public List<String> globalNames() {
        return List.copyOf(prog.globalNames.keySet());
    }

    /**
     * How many times a goroutine of the program has resumed running Go code. Variables only
     * change while Go code runs, so a reader that saw the same count before can reuse what
     * it read then.
     */
    public long resumes() {
        return prog.resumes;
    }
}
