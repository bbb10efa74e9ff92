package gmplab.golang;

import gmplab.golang.Ast.*;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State shared by the compiler passes: the universe and package scopes, the function
 * being generated ({@link FuncState}) with its code buffer, variable storage, type
 * resolution and the assignability rules of the Go spec.
 */
abstract class CompilerCore {
    /** The type of an expression that already produced an error (suppresses follow-up errors). */
    static final Type INVALID = Type.named("invalid type", "", Type.ANY);
    /** The "type" of a call without results. */
    static final Type VOID = Type.tuple(List.of());

    final Diagnostics diags;
    final Scope universe = new Scope(null);
    final Scope pkgScope = new Scope(universe);
    final Map<String, Symbol> importSyms = new LinkedHashMap<>();
    final Set<Symbol> usedImports = new HashSet<>();
    int nglobals;
    FuncState fs;
    Scope scope;
    /** Counter for closure names ({@code main.main.func1}) per top-level function. */
    int closureCount;

    CompilerCore(Diagnostics diags) {
        this.diags = diags;
        Object[][] basics = {{"bool", Type.BOOL}, {"int", Type.INT}, {"int8", Type.INT8}, {"int16", Type.INT16},
                {"int32", Type.INT32}, {"rune", Type.INT32}, {"int64", Type.INT64}, {"uint", Type.UINT},
                {"uint8", Type.UINT8}, {"byte", Type.UINT8}, {"uint16", Type.UINT16}, {"uint32", Type.UINT32},
                {"uint64", Type.UINT64}, {"uintptr", Type.UINTPTR}, {"float32", Type.FLOAT32}, {"float64", Type.FLOAT64},
                {"string", Type.STRING}, {"error", Type.ERROR}, {"any", Type.ANY}};
        for (Object[] b : basics) universe.declare(Symbol.typeName((String) b[0], (Type) b[1]));
        universe.declare(Symbol.constant("true", Type.UNTYPED_BOOL, true));
        universe.declare(Symbol.constant("false", Type.UNTYPED_BOOL, false));
        universe.declare(new Symbol(Symbol.Kind.NIL, "nil", Type.UNTYPED_NIL));
        for (String b : new String[]{"append", "cap", "close", "copy", "delete", "len", "make", "new", "panic", "print",
                "println", "recover", "complex", "real", "imag"}) {
            universe.declare(new Symbol(Symbol.Kind.BUILTIN, b, null));
        }
    }

    // ---------------------------------------------------------------- function state

    /** A function being compiled. */
    static final class FuncState {
        final FuncState parent;
        final FuncCode code;
        final Type sig;
        int[] buf = new int[64];
        int[] lines = new int[64];
        int n;
        final List<Object> consts = new ArrayList<>();
        final Map<Object, Integer> constIndex = new HashMap<>();
        final IdentityHashMap<Object, Integer> identIndex = new IdentityHashMap<>();
        int nlocals;
        final List<Symbol> free = new ArrayList<>();
        final Map<Symbol, Integer> freeIndex = new HashMap<>();
        Set<String> cellNames = new HashSet<>();
        final List<Symbol> results = new ArrayList<>();
        final ArrayDeque<Target> targets = new ArrayDeque<>();
        int line;
        String pendingLabel;
        /** Labels declared in this function, and those a break or continue used. */
        final Map<String, Ast.Ident> labels = new LinkedHashMap<>();
        final Set<String> usedLabels = new HashSet<>();

        FuncState(FuncState parent, FuncCode code, Type sig) {
            this.parent = parent;
            this.code = code;
            this.sig = sig;
        }
    }

    /** A break/continue target: a loop, switch or select, possibly labelled. */
    static final class Target {
        final String label;
        final boolean loop;
        final List<Integer> breaks = new ArrayList<>();
        final List<Integer> continues = new ArrayList<>();

        Target(String label, boolean loop) {
            this.label = label;
            this.loop = loop;
        }
    }

    /** True while compiling only to learn a type (nothing is kept, no errors are reported). */
    boolean dry;

    /** Reports a compile error (unless in a dry run). */
    void err(Node at, String message) {
        if (!dry) diags.error(at, message);
    }

    // ---------------------------------------------------------------- emission

    void at(Node n) {
        if (n != null && fs != null) fs.line = n.line;
    }

    private void put(int word) {
        if (fs.n == fs.buf.length) {
            fs.buf = Arrays.copyOf(fs.buf, fs.n * 2);
            fs.lines = Arrays.copyOf(fs.lines, fs.n * 2);
        }
        fs.lines[fs.n] = fs.line;
        fs.buf[fs.n++] = word;
    }

    void emit(int op) {
        put(op);
    }

    void emit(int op, int a) {
        put(op);
        put(a);
    }

    void emit(int op, int a, int b) {
        put(op);
        put(a);
        put(b);
    }

    /** Emits a jump with an unknown target; returns the operand position to patch. */
    int jump(int op) {
        put(op);
        put(-1);
        return fs.n - 1;
    }

    void patch(int operandPos) {
        fs.buf[operandPos] = fs.n;
    }

    void patchTo(int operandPos, int target) {
        fs.buf[operandPos] = target;
    }

    int here() {
        return fs.n;
    }

    int constant(Object v) {
        if (v instanceof Type || v instanceof FuncCode || v instanceof Natives.Native || v instanceof SelectDesc
                || v instanceof Type[] || v instanceof Values.Closure || v instanceof Values.NativeFn || v instanceof Values.StructVal) {
            Integer i = fs.identIndex.get(v);
            if (i != null) return i;
            fs.consts.add(v);
            fs.identIndex.put(v, fs.consts.size() - 1);
            return fs.consts.size() - 1;
        }
        Object key = v == null ? "$null" : v.getClass().getSimpleName() + ":" + v;
        Integer i = fs.constIndex.get(key);
        if (i != null) return i;
        fs.consts.add(v);
        fs.constIndex.put(key, fs.consts.size() - 1);
        return fs.consts.size() - 1;
    }

    void emitConst(Object v) {
        if (v == null) emit(Op.NIL);
        else emit(Op.CONST, constant(v));
    }

    /** Pushes the zero value of t: a constant for scalars, a fresh object for structs and arrays. */
    void emitZero(Type t) {
        if (t.isAggregate()) emit(Op.ZERO, constant(t));
        else emitConst(Values.zero(t));
    }

    int newLocal() {
        return fs.nlocals++;
    }

    /** Finishes the current function's code. */
    void finish(FuncState f) {
        FuncCode c = f.code;
        c.code = Arrays.copyOf(f.buf, f.n);
        c.lines = Arrays.copyOf(f.lines, f.n);
        c.consts = f.consts.toArray();
        c.nlocals = f.nlocals;
    }

    // ---------------------------------------------------------------- variables

    /** Declares a local variable in the current scope and function. */
    Symbol declareLocal(Ident id, Type t) {
        Symbol s = new Symbol(Symbol.Kind.VAR, id.name, t);
        s.owner = fs;
        s.slot = newLocal();
        s.cell = fs.cellNames.contains(id.name);
        s.line = id.line;
        s.col = id.col;
        if (!id.name.equals("_")) {
            Symbol prev = scope.lookupLocal(id.name);
            if (prev != null && prev.kind == Symbol.Kind.VAR && prev.owner == fs && scope != pkgScope && !isParamScope()) {
                err(id, redeclared(id.name, prev.line, prev.col));
                s.used = true;
                id.sym = s;
                return s;
            }
            scope.declare(s);
        }
        id.sym = s;
        return s;
    }

    /** gc's redeclaration message, pointing at the other declaration. */
    String redeclared(String name, int line, int col) {
        return name + " redeclared in this block\n\t" + diags.file() + ":" + line + ":" + col + ": other declaration of " + name;
    }

    boolean isParamScope() {
        return false;
    }

    /** Stores the value on top of the stack into a freshly declared variable. */
    void initVar(Symbol s) {
        if (s.global) {
            emit(Op.STOREG, s.slot);
        } else if (s.cell) {
            emit(Op.MKCELL, s.slot);
        } else {
            emit(Op.STORE, s.slot);
        }
    }

    void loadVar(Symbol s) {
        if (s.global) emit(Op.LOADG, s.slot);
        else if (s.owner == fs) emit(s.cell ? Op.LOADC : Op.LOAD, s.slot);
        else emit(Op.LOADF, freeIndex(fs, s));
    }

    void storeVar(Symbol s) {
        if (s.global) emit(Op.STOREG, s.slot);
        else if (s.owner == fs) emit(s.cell ? Op.STOREC : Op.STORE, s.slot);
        else emit(Op.STOREF, freeIndex(fs, s));
    }

    /** Pushes the cell of a variable (for {@code &x} and closure capture); false if it has none. */
    boolean pushCell(Symbol s) {
        if (s.global) {
            emit(Op.GLOBALCELL, s.slot);
            return true;
        }
        if (s.owner == fs) {
            if (!s.cell) return false;
            emit(Op.LOCALCELL, s.slot);
            return true;
        }
        emit(Op.FREECELL, freeIndex(fs, s));
        return true;
    }

    /** The index of a captured variable in function {@code f}'s free list. */
    static int freeIndex(FuncState f, Symbol s) {
        Integer i = f.freeIndex.get(s);
        if (i != null) return i;
        f.free.add(s);
        f.freeIndex.put(s, f.free.size() - 1);
        return f.free.size() - 1;
    }

    // ---------------------------------------------------------------- types

    /** Resolves a type expression. */
    Type resolveType(Expr e) {
        if (e == null) return INVALID;
        if (e instanceof Ident id) {
            Symbol s = scope.lookup(id.name);
            if (s == null) {
                err(id, "undefined: " + id.name);
                return INVALID;
            }
            if (s.kind != Symbol.Kind.TYPE) {
                err(id, id.name + " is not a type");
                return INVALID;
            }
            return s.type;
        }
        if (e instanceof Selector sel && sel.x instanceof Ident pkgId) {
            Symbol p = scope.lookup(pkgId.name);
            if (p != null && p.kind == Symbol.Kind.PKG) {
                usedImports.add(p);
                Symbol m = p.pkg.members.get(sel.sel.name);
                if (m == null || m.kind != Symbol.Kind.TYPE) {
                    err(sel.sel, "undefined: " + pkgId.name + "." + sel.sel.name);
                    return INVALID;
                }
                return m.type;
            }
            err(e, pkgId.name + "." + sel.sel.name + " is not a type");
            return INVALID;
        }
        if (e instanceof Paren p) return resolveType(p.x);
        if (e instanceof Star st) return Type.pointer(resolveType(st.x));
        if (e instanceof ArrayTypeExpr at) {
            Type elem = resolveType(at.elem);
            if (at.len == null) {
                if (at.dots) {
                    err(at, "invalid use of [...] array (outside a composite literal)");
                    return INVALID;
                }
                return Type.slice(elem);
            }
            Object n = constValueOf(at.len);
            if (!(n instanceof BigInteger bi) || bi.signum() < 0) {
                err(at.len, "array length " + ExprString.of(at.len) + " must be a non-negative integer constant");
                return INVALID;
            }
            return Type.array(elem, bi.longValue());
        }
        if (e instanceof MapTypeExpr mt) {
            Type k = resolveType(mt.key);
            if (k != INVALID && !k.comparable()) err(mt.key, "invalid map key type " + k);
            return Type.map(k, resolveType(mt.value));
        }
        if (e instanceof ChanTypeExpr ct) return Type.chan(resolveType(ct.elem), ct.dir);
        if (e instanceof FuncTypeExpr ft) return signature(ft, null);
        if (e instanceof StructTypeExpr st) {
            List<String> names = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            List<Integer> embeddedAt = new ArrayList<>();
            for (Field f : st.fields) {
                Type t = resolveType(f.typeExpr);
                if (f.names.isEmpty()) {
                    // embedded field: named after its type, its fields and methods are promoted
                    Expr te = f.typeExpr instanceof Star sp ? sp.x : f.typeExpr;
                    String name = te instanceof Selector sel ? sel.sel.name : te instanceof Ident id ? id.name : null;
                    if (name == null) {
                        err(f, "invalid embedded field type " + ExprString.of(f.typeExpr));
                        continue;
                    }
                    if (names.contains(name)) err(f, name + " redeclared");
                    embeddedAt.add(names.size());
                    names.add(name);
                    types.add(t);
                    continue;
                }
                for (Ident n : f.names) {
                    if (names.contains(n.name)) err(n, n.name + " redeclared");
                    names.add(n.name);
                    types.add(t);
                }
            }
            Type struct = Type.struct(names, types);
            if (!embeddedAt.isEmpty()) {
                struct.embedded = new boolean[names.size()];
                for (int i : embeddedAt) struct.embedded[i] = true;
            }
            return struct;
        }
        if (e instanceof InterfaceTypeExpr it) {
            Map<String, Type> ms = new java.util.TreeMap<>();
            for (Field f : it.methods) {
                if (f.names.isEmpty()) {
                    Type emb = resolveType(f.typeExpr);
                    if (emb.isInterface()) ms.putAll(emb.u().imethods);
                    else if (emb != INVALID) err(f, "not supported by GMP Lab: type constraints");
                } else {
                    ms.put(f.names.get(0).name, signature((FuncTypeExpr) f.typeExpr, null));
                }
            }
            return Type.iface(new LinkedHashMap<>(ms));
        }
        err(e, ExprString.of(e) + " is not a type");
        return INVALID;
    }

    /** The function type of a signature; receiver excluded. */
    Type signature(FuncTypeExpr ft, List<String> paramNames) {
        List<Type> params = new ArrayList<>();
        boolean variadic = false;
        for (int i = 0; i < ft.params.size(); i++) {
            Field f = ft.params.get(i);
            Type t = resolveType(f.typeExpr);
            if (f.variadic) {
                if (i != ft.params.size() - 1 || f.names.size() > 1) err(f, "can only use ... with final parameter in list");
                t = Type.slice(t);
                variadic = true;
            }
            int count = Math.max(1, f.names.size());
            for (int k = 0; k < count; k++) {
                params.add(t);
                if (paramNames != null) paramNames.add(f.names.isEmpty() ? "_" : f.names.get(k).name);
            }
        }
        List<Type> results = new ArrayList<>();
        for (Field f : ft.results) {
            Type t = resolveType(f.typeExpr);
            for (int k = 0; k < Math.max(1, f.names.size()); k++) results.add(t);
        }
        return Type.func(params, results, variadic);
    }

    /** Evaluates a constant expression (implemented by the expression compiler). */
    abstract Object constValueOf(Expr e);

    // ---------------------------------------------------------------- assignability

    /**
     * Whether a value of type {@code from} may be assigned to {@code to}; returns null if so,
     * or a reason suffix for the error message.
     */
    String assignable(Type from, Type to) {
        if (from == INVALID || to == INVALID || from == null || to == null) return null;
        if (Type.identical(from, to)) return null;
        if (from.kind == Type.Kind.UNTYPED_NIL) {
            return to.isNillable() ? null : "";
        }
        if (from.isUntyped()) {
            Type d = from;
            if (to.isInterface()) return to.u().imethods.isEmpty() ? null : assignable(d.defaultType(), to);
            return switch (from.kind) {
                case UNTYPED_BOOL -> to.isBool() ? null : "";
                case UNTYPED_STRING -> to.isString() ? null : "";
                case UNTYPED_INT, UNTYPED_RUNE -> to.isNumeric() ? null : "";
                case UNTYPED_FLOAT -> to.isNumeric() ? null : "";
                default -> "";
            };
        }
        if (to.isInterface()) {
            if (from.isInterface()) {
                String missing = from.missingMethod(to);
                return missing == null ? null : ":\n\t" + from + " does not implement " + to + " (missing method " + missing + ")";
            }
            String missing = from.missingMethod(to);
            if (missing != null) {
                return ":\n\t" + from + " does not implement " + to + " (missing method " + missing + ")";
            }
            for (String n : to.u().imethods.keySet()) {
                Type.Method m = from.method(n);
                if (m != null && m.ptrRecv && from.kind != Type.Kind.POINTER) {
                    return ":\n\t" + from + " does not implement " + to + " (" + n + " method has pointer receiver)";
                }
            }
            return null;
        }
        if ((!from.isNamed() || !to.isNamed()) && Type.identical(from.u(), to.u()) && from.uk() != Type.Kind.INTERFACE) {
            return null;
        }
        if (from.uk() == Type.Kind.CHAN && to.uk() == Type.Kind.CHAN && from.u().dir == Type.BOTH
                && Type.identical(from.u().elem, to.u().elem) && (!from.isNamed() || !to.isNamed())) {
            return null;
        }
        return "";
    }

    /** gc's "cannot use" message: untyped constants "as T value", other operands "as type T". */
    String cannotUse(Expr e, Type t, Type target, String context, String why) {
        String what = t.isUntyped() ? " as " + target + " value in " : " as type " + target + " in ";
        return "cannot use " + describe(e, t) + what + context + (why == null ? "" : why);
    }

    /** How go/types describes an operand in messages: "x (variable of type int)". */
    String describe(Expr e, Type t) {
        String s = ExprString.of(e);
        Expr u = e;
        while (u instanceof Paren p) u = p.x;
        if (t == null) return s;
        if (t.kind == Type.Kind.UNTYPED_NIL) return "nil";
        Object cv = u.constValue;
        if (t.isUntyped()) {
            if (cv == null && !(u instanceof BasicLit)) return s + " (" + t + " value)";
            return s + " (" + t + " constant" + (u instanceof BasicLit || cv == null ? "" : " " + constString(cv, t)) + ")";
        }
        if (cv != null) {
            return s + " (constant " + constString(cv, t) + " of type " + t + ")";
        }
        if (u instanceof Ident id && id.sym != null && id.sym.kind == Symbol.Kind.VAR) {
            return s + " (variable of type " + t + ")";
        }
        if (u instanceof Selector sel && sel.sel.sym != null && sel.sel.sym.kind == Symbol.Kind.VAR) {
            return s + " (variable of type " + t + ")";
        }
        return s + " (value of type " + t + ")";
    }

    static String constString(Object v, Type t) {
        if (v instanceof String s) return Fmt.quote(s);
        if (v instanceof java.math.BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (v instanceof Double d) return Fmt.shortest(d, false);
        return String.valueOf(v);
    }
}
