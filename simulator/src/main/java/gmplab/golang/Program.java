package gmplab.golang;

/**
 * The run-time state shared by all goroutines of one execution of a compiled
 * program: package-level variables, the host (virtual clock), the cost model and
 * the memory accounting.
 */
final class Program {
    final Values.Cell[] globals;
    /** The package-level variables' names and slots in {@link #globals}, set by {@link GoProgram#newMain} (for {@link GoInspector}). */
    java.util.Map<String, Compiler.Global> globalNames = java.util.Map.of();
    final GoHost host;
    final long nsPerInstr;
    final long budget;
    final long memoryLimit;
    private long allocated;
    /** {@code os.Args}: the program name and its command-line arguments. */
    Values.SliceVal args = new Values.SliceVal(new Object[]{"prog"}, 0, 1, 1);
    /** {@code math/rand}'s global source: deterministic, seeded with 1 as in Go 1.19 (not Go's exact sequence). */
    java.util.Random rand = new java.util.Random(1);

    final String fileName;
    /** Times any goroutine of this execution resumed running Go code ({@link GoInspector#resumes}). */
    long resumes;

    Program(String fileName, int nglobals, GoHost host, VmOptions options) {
        this.fileName = fileName;
        this.globals = new Values.Cell[nglobals];
        for (int i = 0; i < nglobals; i++) globals[i] = new Values.Cell(null);
        this.host = host;
        this.nsPerInstr = options.nsPerInstruction();
        this.budget = options.instructionBudget();
        this.memoryLimit = options.memoryLimitBytes();
    }

    /**
     * Accounts {@code bytes} of allocation. The VM has no garbage collector of its own
     * (the JVM's reclaims), so this is a bound on total allocation; beyond it the
     * program dies with Go's "fatal error: runtime: out of memory".
     */
    void allocate(long bytes) {
        allocated += bytes;
        if (allocated > memoryLimit || bytes > memoryLimit / 4) throw new OutOfMemoryError("go heap limit");
    }

    private final java.util.IdentityHashMap<Object, Long> addresses = new java.util.IdentityHashMap<>();

    /** The fake address of an object, assigned on first use (deterministic per run). */
    long addressOf(Object o) {
        return addresses.computeIfAbsent(o, k -> 0xc000010000L + 0x10L * addresses.size());
    }

    long allocated() {
        return allocated;
    }
}
