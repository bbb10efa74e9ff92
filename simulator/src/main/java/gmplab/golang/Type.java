package gmplab.golang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Go type. Basic types are singletons; composite types are built structurally;
 * a named type ({@code type Point struct{...}}, {@code time.Duration}) wraps an
 * underlying type and owns its methods.
 */
final class Type {
    enum Kind {
        BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, FLOAT32, FLOAT64, STRING,
        UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_STRING, UNTYPED_BOOL, UNTYPED_NIL,
        SLICE, ARRAY, MAP, CHAN, FUNC, STRUCT, POINTER, INTERFACE, NAMED, TUPLE, UNSAFE_POINTER
    }

    static final int BOTH = 0, SEND = 1, RECV = 2;

    /** While compiling, types of package main print unqualified, as in gc's messages. */
    static final ThreadLocal<Boolean> UNQUALIFIED_MAIN = ThreadLocal.withInitial(() -> false);

    final Kind kind;
    /** Element type (slice, array, chan, pointer), value type of a map. */
    Type elem;
    /** Key type of a map. */
    Type key;
    long length;
    int dir;
    /** Struct fields, function params, tuple members. */
    List<Type> types = List.of();
    List<String> names = List.of();
    /** Struct fields declared without a name (embedded), by index; null if none. */
    boolean[] embedded;
    /** Function results. */
    List<Type> results = List.of();
    boolean variadic;
    /** Interface methods, name to signature (sorted as Go sorts them: by name). */
    Map<String, Type> imethods = new LinkedHashMap<>();
    /** Named types. */
    String name;
    String pkg;
    Type underlying;
    final Map<String, Method> methods = new LinkedHashMap<>();

    /** A method declared on a named type. */
    static final class Method {
        final String name;
        final Type sig;
        final boolean ptrRecv;
        /** Set by the compiler: the compiled function, or a native implementation. */
        FuncCode code;
        Natives.Native nat;
        /** For a method promoted from an embedded field: the field path to the embedded value. */
        int[] path;
        /** For a promoted method: whether the method itself has a pointer receiver. */
        boolean innerPtrRecv;

        Method(String name, Type sig, boolean ptrRecv) {
            this.name = name;
            this.sig = sig;
            this.ptrRecv = ptrRecv;
        }
    }

    private Type(Kind kind) {
        this.kind = kind;
    }

    static final Type BOOL = new Type(Kind.BOOL), INT = new Type(Kind.INT), INT8 = new Type(Kind.INT8),
            INT16 = new Type(Kind.INT16), INT32 = new Type(Kind.INT32), INT64 = new Type(Kind.INT64),
            UINT = new Type(Kind.UINT), UINT8 = new Type(Kind.UINT8), UINT16 = new Type(Kind.UINT16),
            UINT32 = new Type(Kind.UINT32), UINT64 = new Type(Kind.UINT64), UINTPTR = new Type(Kind.UINTPTR),
            FLOAT32 = new Type(Kind.FLOAT32), FLOAT64 = new Type(Kind.FLOAT64), STRING = new Type(Kind.STRING),
            UNTYPED_INT = new Type(Kind.UNTYPED_INT), UNTYPED_RUNE = new Type(Kind.UNTYPED_RUNE),
            UNTYPED_FLOAT = new Type(Kind.UNTYPED_FLOAT), UNTYPED_STRING = new Type(Kind.UNTYPED_STRING),
            UNTYPED_BOOL = new Type(Kind.UNTYPED_BOOL), UNTYPED_NIL = new Type(Kind.UNTYPED_NIL);

    /** The empty interface {@code any}. */
    static final Type ANY = iface(new LinkedHashMap<>());
    /** The predeclared {@code error} interface. */
    static final Type ERROR = named("error", "", null);

    static {
        Map<String, Type> m = new LinkedHashMap<>();
        m.put("Error", func(List.of(), List.of(STRING), false));
        ERROR.underlying = iface(m);
    }

    static Type slice(Type elem) {
        Type t = new Type(Kind.SLICE);
        t.elem = elem;
        return t;
    }

    static Type array(Type elem, long len) {
        Type t = new Type(Kind.ARRAY);
        t.elem = elem;
        t.length = len;
        return t;
    }

    static Type map(Type key, Type value) {
        Type t = new Type(Kind.MAP);
        t.key = key;
        t.elem = value;
        return t;
    }

    static Type chan(Type elem, int dir) {
        Type t = new Type(Kind.CHAN);
        t.elem = elem;
        t.dir = dir;
        return t;
    }

    static Type pointer(Type elem) {
        Type t = new Type(Kind.POINTER);
        t.elem = elem;
        return t;
    }

    static Type func(List<Type> params, List<Type> results, boolean variadic) {
        Type t = new Type(Kind.FUNC);
        t.types = params;
        t.results = results;
        t.variadic = variadic;
        return t;
    }

    static Type struct(List<String> names, List<Type> types) {
        Type t = new Type(Kind.STRUCT);
        t.names = names;
        t.types = types;
        return t;
    }

    static Type iface(Map<String, Type> methods) {
        Type t = new Type(Kind.INTERFACE);
        t.imethods = methods;
        return t;
    }

    static Type tuple(List<Type> types) {
        Type t = new Type(Kind.TUPLE);
        t.types = types;
        return t;
    }

    static Type named(String name, String pkg, Type underlying) {
        Type t = new Type(Kind.NAMED);
        t.name = name;
        t.pkg = pkg;
        t.underlying = underlying;
        return t;
    }

    // ---------------------------------------------------------------- queries

    /** The underlying type (itself for unnamed types). */
    Type u() {
        Type t = this;
        while (t.kind == Kind.NAMED) {
            if (t.underlying == null) return ANY;
            t = t.underlying;
        }
        return t;
    }

    Kind uk() {
        return u().kind;
    }

    boolean isNamed() {
        return kind == Kind.NAMED;
    }

    boolean isInteger() {
        return switch (uk()) {
            case INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, UNTYPED_INT, UNTYPED_RUNE -> true;
            default -> false;
        };
    }

    boolean isUnsigned() {
        return switch (uk()) {
            case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> true;
            default -> false;
        };
    }

    boolean isFloat() {
        Kind k = uk();
        return k == Kind.FLOAT64 || k == Kind.FLOAT32 || k == Kind.UNTYPED_FLOAT;
    }

    boolean isNumeric() {
        return isInteger() || isFloat();
    }

    boolean isString() {
        Kind k = uk();
        return k == Kind.STRING || k == Kind.UNTYPED_STRING;
    }

    boolean isBool() {
        Kind k = uk();
        return k == Kind.BOOL || k == Kind.UNTYPED_BOOL;
    }

    boolean isUntyped() {
        return switch (kind) {
            case UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_STRING, UNTYPED_BOOL, UNTYPED_NIL -> true;
            default -> false;
        };
    }

    boolean isInterface() {
        return uk() == Kind.INTERFACE;
    }

    /** Value types copied on assignment (structs and arrays). */
    boolean isAggregate() {
        Kind k = uk();
        return k == Kind.STRUCT || k == Kind.ARRAY;
    }

    /** Types whose zero value is nil. */
    boolean isNillable() {
        return switch (uk()) {
            case SLICE, MAP, CHAN, FUNC, POINTER, INTERFACE, UNTYPED_NIL, UNSAFE_POINTER -> true;
            default -> false;
        };
    }

    /** The default type of an untyped constant ({@code 1} is int, {@code 1.0} float64, ...). */
    Type defaultType() {
        return switch (kind) {
            case UNTYPED_INT -> INT;
            case UNTYPED_RUNE -> INT32;
            case UNTYPED_FLOAT -> FLOAT64;
            case UNTYPED_STRING -> STRING;
            case UNTYPED_BOOL -> BOOL;
            default -> this;
        };
    }

    /** Bit width of an integer type (64 for int/uint). */
    int bits() {
        return switch (uk()) {
            case INT8, UINT8 -> 8;
            case INT16, UINT16 -> 16;
            case INT32, UINT32, FLOAT32 -> 32;
            default -> 64;
        };
    }

    /** Index of a struct field by name, or -1. */
    int fieldIndex(String field) {
        return u().names.indexOf(field);
    }

    /** Finds a method on this type or, for a pointer, on its element type. */
    /** A method declared on this named type (or its pointer), not promoted. */
    Method directMethod(String mname) {
        Type t = kind == Kind.POINTER ? elem : this;
        return t.kind == Kind.NAMED ? t.methods.get(mname) : null;
    }

    Method method(String mname) {
        Type t = this;
        if (t.kind == Kind.POINTER) t = t.elem;
        Method m = t.kind == Kind.NAMED ? t.methods.get(mname) : null;
        if (m != null || t.u().kind != Kind.STRUCT || t.u().embedded == null) return m;
        // promoted through embedded fields
        int[] p = ExprCompiler.promotion(this, mname);
        if (p == null) return null;
        Type owner = ExprCompiler.follow(this, p);
        Method inner = owner.method(mname);
        if (inner == null) return null;
        Method pm = new Method(mname, inner.sig, owner.kind == Kind.POINTER || inner.ptrRecv);
        pm.code = inner.code;
        pm.nat = inner.nat;
        int[] full = inner.path == null ? p : java.util.Arrays.copyOf(p, p.length + inner.path.length);
        if (inner.path != null) System.arraycopy(inner.path, 0, full, p.length, inner.path.length);
        pm.path = full;
        pm.innerPtrRecv = inner.ptrRecv;
        return pm;
    }

    /** The method set check of {@code implements}: returns the first missing method name, or null. */
    String missingMethod(Type iface) {
        for (Map.Entry<String, Type> e : iface.u().imethods.entrySet()) {
            if (isInterface()) {
                if (!u().imethods.containsKey(e.getKey())) return e.getKey();
                continue;
            }
            Method m = method(e.getKey());
            if (m == null) return e.getKey();
            if (!identical(m.sig, e.getValue())) return e.getKey();
        }
        return null;
    }

    /** True if a value of this type lacks method {@code name} only because it has a pointer receiver. */
    boolean needsPointerFor(Type iface) {
        if (kind != Kind.NAMED) return false;
        for (String n : iface.u().imethods.keySet()) {
            Method m = method(n);
            if (m != null && m.ptrRecv) return true;
        }
        return false;
    }

    static boolean identical(Type a, Type b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a.kind != b.kind || a.kind == Kind.NAMED) return false;
        return switch (a.kind) {
            case SLICE, POINTER -> identical(a.elem, b.elem);
            case ARRAY -> a.length == b.length && identical(a.elem, b.elem);
            case MAP -> identical(a.key, b.key) && identical(a.elem, b.elem);
            case CHAN -> a.dir == b.dir && identical(a.elem, b.elem);
            case FUNC -> a.variadic == b.variadic && identicalLists(a.types, b.types) && identicalLists(a.results, b.results);
            case STRUCT -> a.names.equals(b.names) && identicalLists(a.types, b.types);
            case INTERFACE -> a.imethods.keySet().equals(b.imethods.keySet())
                    && a.imethods.keySet().stream().allMatch(k -> identical(a.imethods.get(k), b.imethods.get(k)));
            case TUPLE -> identicalLists(a.types, b.types);
            default -> true;
        };
    }

    private static boolean identicalLists(List<Type> a, List<Type> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!identical(a.get(i), b.get(i))) return false;
        return true;
    }

    /** Whether values of this type can be compared with {@code ==}. */
    boolean comparable() {
        return switch (uk()) {
            case SLICE, MAP, FUNC -> false;
            case STRUCT -> u().types.stream().allMatch(Type::comparable);
            case ARRAY -> u().elem.comparable();
            default -> true;
        };
    }

    /** The type as Go spells it in messages and {@code %T}: {@code main.Point}, {@code []int}, ... */
    @Override
    public String toString() {
        return switch (kind) {
            case NAMED -> pkg == null || pkg.isEmpty() || (pkg.equals("main") && UNQUALIFIED_MAIN.get()) ? name : pkg + "." + name;
            case UNTYPED_INT -> "untyped int";
            case UNTYPED_RUNE -> "untyped rune";
            case UNTYPED_FLOAT -> "untyped float";
            case UNTYPED_STRING -> "untyped string";
            case UNTYPED_BOOL -> "untyped bool";
            case UNTYPED_NIL -> "untyped nil";
            case UNSAFE_POINTER -> "unsafe.Pointer";
            case SLICE -> "[]" + elem;
            case ARRAY -> "[" + length + "]" + elem;
            case MAP -> "map[" + key + "]" + elem;
            case CHAN -> (dir == RECV ? "<-chan " : dir == SEND ? "chan<- " : "chan ") + elem;
            case POINTER -> "*" + elem;
            case FUNC -> "func" + signatureString();
            case STRUCT -> {
                StringBuilder sb = new StringBuilder("struct {");
                for (int i = 0; i < types.size(); i++) {
                    sb.append(i == 0 ? " " : "; ").append(names.get(i)).append(' ').append(types.get(i));
                }
                yield sb.append(types.isEmpty() ? "}" : " }").toString();
            }
            case INTERFACE -> {
                if (imethods.isEmpty()) yield "interface {}";
                StringBuilder sb = new StringBuilder("interface {");
                int i = 0;
                for (Map.Entry<String, Type> e : imethods.entrySet()) {
                    sb.append(i++ == 0 ? " " : "; ").append(e.getKey()).append(e.getValue().signatureString());
                }
                yield sb.append(" }").toString();
            }
            case TUPLE -> {
                List<String> parts = new ArrayList<>();
                for (Type t : types) parts.add(String.valueOf(t));
                yield "(" + String.join(", ", parts) + ")";
            }
            default -> kind.name().toLowerCase().equals("uint8") ? "uint8" : kind.name().toLowerCase();
        };
    }

    /** {@code (int, string) error} — the part of a func type after "func". */
    String signatureString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) sb.append(", ");
            if (variadic && i == types.size() - 1) sb.append("...").append(types.get(i).elem);
            else sb.append(types.get(i));
        }
        sb.append(')');
        if (results.size() == 1) sb.append(' ').append(results.get(0));
        else if (results.size() > 1) {
            sb.append(" (");
            for (int i = 0; i < results.size(); i++) sb.append(i > 0 ? ", " : "").append(results.get(i));
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Type t && identical(this, t);
    }

    @Override
    public int hashCode() {
        return kind == Kind.NAMED ? Objects.hash(name, pkg) : kind.hashCode();
    }
}
