package gmplab.golang;

import gmplab.runtime.GoroutineBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled Go program, ready to run on the simulated runtime.
 *
 * <pre>{@code
 * GoProgram p = GoProgram.compile("prog.go", source);   // throws GoCompileException
 * GoroutineBody main = p.newMain(host, VmOptions.defaults());
 * simulation.run(main);
 * }</pre>
 *
 * The program itself is immutable; each {@link #newMain} starts a fresh execution
 * with its own package variables.
 */
public final class GoProgram {
    private final String file;
    private final FuncCode entry;
    private final int nglobals;
    private final int requestedProcs;
    /** Package-level variables by name (unmodifiable, source order), for {@link GoInspector}. */
    private final Map<String, Compiler.Global> globals;

    private GoProgram(String file, FuncCode entry, int nglobals, int requestedProcs, Map<String, Compiler.Global> globals) {
        this.file = file;
        this.entry = entry;
        this.nglobals = nglobals;
        this.requestedProcs = requestedProcs;
        this.globals = globals;
    }

    /**
     * The n of a {@code runtime.GOMAXPROCS(n)} call with a constant argument at the top of
     * {@code main} (before any {@code go} statement), or 0. The engine has no way yet to
     * resize the Ps at run time, so runners start the simulation with this many Ps, which
     * is what such a program observes; a later or computed call only reports the value.
     */
    public int requestedGomaxprocs() {
        return requestedProcs;
    }

    /** {@code cfg} with the program's own GOMAXPROCS request applied (the program wins, as in Go). */
    public gmplab.runtime.SimConfig configure(gmplab.runtime.SimConfig cfg) {
        return requestedProcs > 0 ? cfg.withGomaxprocs(requestedProcs) : cfg;
    }

    /**
     * Parses, checks and compiles one Go source file of package main.
     *
     * @throws GoCompileException with gc-style messages ({@code file:line:col: message})
     */
    public static GoProgram compile(String fileName, String source) throws GoCompileException {
        Compiler.Output out = Compiler.compile(fileName, source);
        return new GoProgram(fileName, out.entry(), out.nglobals(), out.requestedProcs(), out.globals());
    }

    /** Like {@link #compile(String, String)}, with {@code extra} packages importable besides the standard library. */
    public static GoProgram compile(String fileName, String source, NativePackages extra) throws GoCompileException {
        return NativePackages.compiling(extra, () -> compile(fileName, source));
    }

    /** The body of the main goroutine of a fresh execution. */
    public GoroutineBody newMain(GoHost host, VmOptions options) {
        return newMain(host, options, List.of());
    }

    /** Like {@link #newMain(GoHost, VmOptions)}, with command-line arguments for {@code os.Args[1:]}. */
    public GoroutineBody newMain(GoHost host, VmOptions options, List<String> args) {
        Program prog = new Program(file, nglobals, host, options);
        prog.globalNames = globals;
        Object[] argv = new Object[args.size() + 1];
        argv[0] = file.endsWith(".go") ? file.substring(0, file.length() - 3) : file;
        for (int i = 0; i < args.size(); i++) argv[i + 1] = GoString.fromJava(args.get(i));
        prog.args = new Values.SliceVal(argv, 0, argv.length, argv.length);
        return new Machine(prog, "main.main", new Values.Closure(entry, new Object[0]), new Object[0]);
    }

    public String fileName() {
        return file;
    }

    /** A listing of the compiled instructions of every function (for debugging and tests). */
    public String disassemble() {
        StringBuilder sb = new StringBuilder();
        List<FuncCode> seen = new ArrayList<>();
        collect(entry, seen);
        for (FuncCode f : seen) sb.append(Op.disassemble(f)).append('\n');
        return sb.toString();
    }

    private static void collect(FuncCode f, List<FuncCode> seen) {
        if (f.code == null || seen.stream().anyMatch(x -> x == f)) return;
        seen.add(f);
        for (Object c : f.consts) {
            if (c instanceof FuncCode fc) collect(fc, seen);
            if (c instanceof Values.Closure cl) collect(cl.code(), seen);
            if (c instanceof Values.BoundMethod bm) collect(bm.code(), seen);
        }
    }
}
