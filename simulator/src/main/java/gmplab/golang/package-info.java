/**
 * The Go-subset front end: real Go source runs on the simulated runtime.
 *
 * <h2>Pipeline</h2>
 * <pre>
 *   source ──Lexer──▶ tokens ──Parser──▶ Ast ──Compiler (checks + generates)──▶ FuncCode ──Machine──▶ Actions
 * </pre>
 * <ul>
 * <li>{@link gmplab.golang.Lexer}: hand-written, with Go's automatic semicolons and 1-based positions.
 *     Strings become Go byte strings (one Java char per byte, see {@link gmplab.golang.GoString}).</li>
 * <li>{@link gmplab.golang.Parser}: recursive descent after the Go spec; syntax errors are worded as gc's
 *     and parsing resumes at the next statement, so several errors come out at once.</li>
 * <li>{@link gmplab.golang.Compiler} (statements, declarations) on top of
 *     {@link gmplab.golang.ExprCompiler} (expressions, constants, calls) and
 *     {@link gmplab.golang.CompilerCore} (scopes, code buffer, types): one pass per function that
 *     type-checks and emits stack-machine code ({@link gmplab.golang.Op}). Untyped constants are
 *     exact (BigInteger/BigDecimal). Errors read {@code prog.go:12:5: undefined: x}, as Go 1.19's; the
 *     conformance suite checks them against recorded gc output.</li>
 * <li>{@link gmplab.golang.Machine}: one per goroutine, it owns its {@link gmplab.golang.Frame}s, so it
 *     can stop between any two instructions. It implements {@link gmplab.runtime.GoroutineBody}:
 *     instructions are charged {@code nsPerInstruction} (default 1 ns) and reported as
 *     {@code Compute(ns, hasCalls)} chunks of at most {@code instructionBudget} instructions
 *     (default 1000); a chunk ends early at every runtime operation (channel operation, select,
 *     {@code go}, sleep, lock, WaitGroup, print, exit …), which follows as its own action.
 *     {@code hasCalls} is true when the chunk executed a call, i.e. a cooperative preemption point.</li>
 * </ul>
 *
 * <h2>Values</h2>
 * Integers of every width are {@code Long} kept wrapped to their width, floats {@code Double},
 * structs {@link gmplab.golang.Values.StructVal} and arrays {@link gmplab.golang.Values.ArrayVal}
 * (copied on assignment; a pointer to one is the object itself), other pointers
 * {@link gmplab.golang.Values.Ref}s (a captured or address-taken variable lives in a
 * {@link gmplab.golang.Values.Cell}), interfaces {@link gmplab.golang.Values.Iface} (dynamic type +
 * value), channels the runtime's {@link gmplab.runtime.Chan}. Panics are
 * {@link gmplab.golang.GoPanic}s unwound through the frames, running deferred calls; {@code recover}
 * works in a deferred function, and a panic the runtime raises in an action (send on a closed
 * channel) is delivered the same way.
 *
 * <h2>Library</h2>
 * {@link gmplab.golang.Stdlib}, {@link gmplab.golang.StringsPkg}, {@link gmplab.golang.Contexts} and
 * {@link gmplab.golang.Fmt}: fmt, time (virtual clock), runtime, sync, sync/atomic, context, errors,
 * strings, strconv, os, math, math/rand (deterministic), sort, unicode, unicode/utf8, runtime/trace
 * (no-op) and the intrinsics {@code gmplab/sim} (Work, Syscall, NetWait). Programs are sandboxed:
 * nothing reaches the host's files, network, processes or environment; allocation beyond
 * {@link gmplab.golang.VmOptions#memoryLimitBytes()} ends the program with Go's
 * "fatal error: runtime: out of memory". {@link gmplab.golang.NativePackages} lets other modules add
 * packages implemented in Java.
 *
 * <h2>Not supported (reported as "not supported by GMP Lab: …")</h2>
 * Generics, goto, complex numbers, method expressions, dot imports, packages other than the
 * above, {@code go}/{@code defer} of most builtins (wrap them in a func literal).
 *
 * <h2>Approximations until the engine offers more</h2>
 * <ul>
 * <li>{@code runtime.GOMAXPROCS(n)} with a constant n at the top of main configures the run
 *     ({@link gmplab.golang.GoProgram#configure}), as if set in the environment; any other call
 *     stops the world and resizes the Ps ({@link gmplab.runtime.Action.Gomaxprocs}).</li>
 * <li>{@code sync.RWMutex} is built from a runtime mutex and WaitGroup (its waiters show
 *     "semacquire"). Fatal errors (out of memory, stack overflow) go through the runtime's
 *     {@code throw} ({@link gmplab.runtime.Action.Fatal}): message, goroutine dump, exit 2.</li>
 * </ul>
 *
 * <h2>Entry points</h2>
 * {@link gmplab.golang.GoProgram#compile}, {@link gmplab.golang.GoProgram#newMain},
 * {@link gmplab.golang.GoRun#run}; on the command line {@code gmplab run FILE.go}
 * ({@link gmplab.cli.RunCommand}).
 */
package gmplab.golang;
