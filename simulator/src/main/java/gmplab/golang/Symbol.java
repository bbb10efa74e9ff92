package gmplab.golang;

/**
 * What a name refers to: a variable (local, captured or package-level), a constant,
 * a type, a function, an imported package, a builtin, or a native library function.
 */
final class Symbol {
    enum Kind { VAR, CONST, TYPE, FUNC, PKG, BUILTIN, NIL, NATIVE }

    final Kind kind;
    final String name;
    Type type;
    /** CONST: the value (Long, Double, String, Boolean or BigInteger). */
    Object constValue;
    /** VAR: slot in its function's locals, or index in the globals. */
    int slot;
    boolean global;
    /** VAR: lives in a {@link Values.Cell} (captured by a closure or address taken). */
    boolean cell;
    /** VAR: the function that declares it (null for globals). */
    Compiler.FuncState owner;
    boolean used;
    int line, col;
    /** FUNC: the compiled code. */
    FuncCode code;
    /** NATIVE: the implementation. */
    Natives.Native nat;
    /** PKG: the package. */
    Natives.Pkg pkg;

    Symbol(Kind kind, String name, Type type) {
        this.kind = kind;
        this.name = name;
        this.type = type;
    }

    static Symbol constant(String name, Type type, Object value) {
        Symbol s = new Symbol(Kind.CONST, name, type);
        s.constValue = value;
        return s;
    }

    static Symbol typeName(String name, Type type) {
        return new Symbol(Kind.TYPE, name, type);
    }

    static Symbol nativeFunc(String name, Type sig, Natives.Native nat) {
        Symbol s = new Symbol(Kind.NATIVE, name, sig);
        s.nat = nat;
        return s;
    }

    /** A package-level variable provided by the library (e.g. {@code os.Stdout}). */
    static Symbol nativeVar(String name, Type type, Object value) {
        Symbol s = new Symbol(Kind.NATIVE, name, type);
        s.constValue = value;
        return s;
    }
}
