package gmplab.golang;

/**
 * The instruction set of the VM: a stack machine. Each instruction is an opcode
 * followed by a fixed number of int operands ({@link #ARGS}); "k" operands index the
 * function's constant pool, "l" operands a local slot.
 */
final class Op {
    private Op() { }

    static final int
            NOP = 0, CONST = 1, NIL = 2, LOAD = 3, STORE = 4, LOADC = 5, STOREC = 6, MKCELL = 7, LOADF = 8, STOREF = 9,
            FREECELL = 10, LOCALCELL = 11, LOADG = 12, STOREG = 13, GLOBALCELL = 14, POP = 15, DUP = 16, SWAP = 17,
            ADD = 18, SUB = 19, MUL = 20, DIV = 21, REM = 22, UDIV = 23, UREM = 24, AND = 25, OR = 26, XOR = 27,
            ANDNOT = 28, SHL = 29, SHR = 30, USHR = 31, NEG = 32, BITNOT = 33, WRAP = 34,
            FADD = 35, FSUB = 36, FMUL = 37, FDIV = 38, FNEG = 39, CONCAT = 40,
            EQ = 41, NE = 42, ILT = 43, ILE = 44, IGT = 45, IGE = 46, ULT = 47, ULE = 48, UGT = 49, UGE = 50,
            FLT = 51, FLE = 52, FGT = 53, FGE = 54, SLT = 55, SLE = 56, SGT = 57, SGE = 58, EQREF = 59, NEREF = 60,
            NOT = 61, JMP = 62, JF = 63, JT = 64, CONV = 65, ZERO = 66, FIELD = 67, SETFIELD = 68, COPY = 69,
            STRUCTLIT = 70, INDEX = 71, SETINDEX = 72, MINDEX = 73, MINDEXOK = 74, MSET = 75, SLICE = 76,
            APPEND = 77, APPENDSLICE = 78, LEN = 79, CAP = 80, MAKESLICE = 81, MAKEMAP = 82, MAKECHAN = 83,
            SLICELIT = 84, ARRAYLIT = 85, MAPLIT = 86, DELETE = 87, COPYSLICE = 88, ADDRFIELD = 89, ADDRINDEX = 90,
            DEREF = 91, STOREDEREF = 92, NEWCELL = 93, CLOSURE = 94, CALL = 95, CALLV = 96, CALLN = 97, CALLI = 98,
            BINDM = 99, BINDI = 100, RET = 101, DEFER = 102, GO = 103, PANIC = 104, RECOVER = 105, BOX = 106,
            ASSERT = 107, ASSERTOK = 108, TYPEIS = 109, SEND = 110, RECV = 111, RECVOK = 112, CLOSE = 113,
            SELECT = 114, MAPKEYS = 115, MAPHAS = 116, RUNEAT = 117, NILCHECK = 118, STRINDEX = 119, FROUND32 = 120,
            COPYINTO = 121, ASSIGNCHK = 122, DUP2 = 123, ALLOC = 124;

    /** Number of int operands of each opcode. */
    static final int[] ARGS = new int[128];
    static final String[] NAMES = new String[128];

    static {
        for (int op : new int[]{CONST, LOAD, STORE, LOADC, STOREC, MKCELL, LOADF, STOREF, FREECELL, LOCALCELL, LOADG,
                STOREG, GLOBALCELL, WRAP, JMP, JF, JT, CONV, ZERO, FIELD, SETFIELD, MINDEX, MINDEXOK, SLICE, MAKESLICE,
                MAKEMAP, ADDRFIELD, BINDM, BINDI, RET, DEFER, GO, BOX, ASSERT, ASSERTOK, TYPEIS, RECV, RECVOK, SELECT,
                STRUCTLIT, ARRAYLIT, CALLV}) {
            ARGS[op] = 1;
        }
        for (int op : new int[]{CLOSURE, CALL, CALLN, CALLI, SLICELIT, MAPLIT}) ARGS[op] = 2;
        java.lang.reflect.Field[] fs = Op.class.getDeclaredFields();
        for (java.lang.reflect.Field f : fs) {
            if (f.getType() == int.class) {
                try {
                    NAMES[f.getInt(null)] = f.getName();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Disassembles a function, for debugging and tests. */
    static String disassemble(FuncCode fn) {
        StringBuilder sb = new StringBuilder(fn.name).append(":\n");
        for (int pc = 0; pc < fn.code.length; ) {
            int op = fn.code[pc];
            sb.append(String.format("%4d  %-10s", pc, NAMES[op]));
            for (int i = 1; i <= ARGS[op]; i++) sb.append(' ').append(fn.code[pc + i]);
            sb.append('\n');
            pc += 1 + ARGS[op];
        }
        return sb.toString();
    }
}
