package gmplab.golang;

/**
 * A compiled function: its instruction array (opcode followed by its operands,
 * see {@link Op}), its constant pool, and the frame layout. Parameters occupy the
 * first local slots, results the next, then other locals and temporaries.
 */
final class FuncCode {
    final String name;
    int[] code;
    /** Source line of each code index (for positions and the goroutine listing). */
    int[] lines;
    Object[] consts;
    int nparams;
    int nresults;
    int nlocals;
    int maxStack = 16;
    /** Parameter slots that must be boxed in cells on entry (captured or address-taken). */
    int[] cellParams = new int[0];
    /** Result slots holding cells (named results captured by a deferred closure). */
    boolean[] cellResults = new boolean[0];

    FuncCode(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
