package gmplab.golang;

import gmplab.golang.Ast.*;
import gmplab.golang.Values.NativeFn;
import gmplab.runtime.Action;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Type-checks and compiles expressions: constants (folded exactly, as the spec's
 * untyped constants), operands, selectors, calls, builtins, conversions and
 * composite literals. Each method leaves the value(s) on the operand stack and
 * returns the static type.
 */
abstract class ExprCompiler extends CompilerCore {
    /** The iota of the const spec being evaluated, or -1. */
    int iota = -1;

    ExprCompiler(Diagnostics diags) {
        super(diags);
    }

    abstract Type funcLit(FuncLit fl);

    // ---------------------------------------------------------------- constants

    /** A constant: its type (possibly untyped) and exact value (BigInteger, BigDecimal, String, Boolean). */
    record Const(Type type, Object value) { }

    @Override
    Object constValueOf(Expr e) {
        boolean saved = dry;
        dry = true;
        try {
            Const c = cexpr(e);
            return c == null ? null : c.value();
        } finally {
            dry = saved;
        }
    }

    /** Evaluates {@code e} as a constant expression, or returns null if it is not one. */
    Const cexpr(Expr e) {
        if (e instanceof BasicLit b) {
            try {
                return basicLit(b);
            } catch (NumberFormatException ex) {
                err(b, "invalid number literal " + b.value);
                return new Const(Type.UNTYPED_INT, BigInteger.ZERO);
            }
        }
        return cexprNonLiteral(e);
    }

    private Const basicLit(BasicLit b) {
        {
            return switch (b.kind) {
                case INT -> new Const(Type.UNTYPED_INT, parseInt(b.value));
                case FLOAT -> new Const(Type.UNTYPED_FLOAT, new BigDecimal(b.value));
                case CHAR -> new Const(Type.UNTYPED_RUNE, BigInteger.valueOf(b.value.isEmpty() ? 0 : b.value.codePointAt(0)));
                default -> new Const(Type.UNTYPED_STRING, b.value);
            };
        }
    }

    private Const cexprNonLiteral(Expr e) {
        if (e instanceof Paren p) return cexpr(p.x);
        if (e instanceof Ident id) {
            if (id.name.equals("iota") && iota >= 0 && scope.lookup("iota") == null) {
                return new Const(Type.UNTYPED_INT, BigInteger.valueOf(iota));
            }
            Symbol s = scope.lookup(id.name);
            if (s != null && s.kind == Symbol.Kind.CONST) {
                s.used = true;
                return new Const(s.type, s.constValue instanceof Long l ? BigInteger.valueOf(l) : s.constValue);
            }
            return null;
        }
        if (e instanceof Selector sel && sel.x instanceof Ident pid) {
            Symbol p = scope.lookup(pid.name);
            if (p != null && p.kind == Symbol.Kind.PKG) {
                Symbol m = p.pkg.members.get(sel.sel.name);
                if (m != null && m.kind == Symbol.Kind.CONST) {
                    usedImports.add(p);
                    Object v = m.constValue instanceof Long l ? BigInteger.valueOf(l)
                            : m.constValue instanceof Double d ? new BigDecimal(d) : m.constValue;
                    return new Const(m.type, v);
                }
            }
            return null;
        }
        if (e instanceof Unary u) {
            Const x = cexpr(u.x);
            if (x == null) return null;
            Object v = x.value();
            switch (u.op) {
                case ADD:
                    return x;
                case SUB:
                    if (v instanceof BigInteger bi) return typedConst(u, x.type(), bi.negate());
                    if (v instanceof BigDecimal d) return new Const(x.type(), d.negate());
                    return null;
                case NOT:
                    return v instanceof Boolean bo ? new Const(x.type(), !bo) : null;
                case XOR:
                    if (v instanceof BigInteger bi) {
                        if (x.type().isUnsigned()) {
                            BigInteger mask = BigInteger.ONE.shiftLeft(x.type().bits()).subtract(BigInteger.ONE);
                            return new Const(x.type(), bi.xor(mask));
                        }
                        return new Const(x.type(), bi.not());
                    }
                    return null;
                default:
                    return null;
            }
        }
        if (e instanceof Binary b) return cbinary(b);
        if (e instanceof Call c && c.args.size() == 1 && !c.ellipsis) {
            Type t = asType(c.fun);
            if (t != null && t != INVALID) {
                Const x = cexpr(c.args.get(0));
                if (x == null) return null;
                return convertConst(c, x, t);
            }
            if (c.fun instanceof Ident f && f.name.equals("len") && scope.lookup("len") != null
                    && scope.lookup("len").kind == Symbol.Kind.BUILTIN) {
                Const x = cexpr(c.args.get(0));
                if (x != null && x.value() instanceof String s) return new Const(Type.INT, BigInteger.valueOf(s.length()));
            }
        }
        return null;
    }

    private static BigInteger parseInt(String lit) {
        String s = lit.toLowerCase();
        if (s.startsWith("0x")) return new BigInteger(s.substring(2), 16);
        if (s.startsWith("0b")) return new BigInteger(s.substring(2), 2);
        if (s.startsWith("0o")) return new BigInteger(s.substring(2), 8);
        if (s.length() > 1 && s.startsWith("0")) return new BigInteger(s.substring(1), 8);
        return new BigInteger(s);
    }

    /** A constant of type t, checked to be representable when t is typed. */
    private Const typedConst(Node at, Type t, Object v) {
        if (!t.isUntyped() && t.isInteger() && v instanceof BigInteger bi && !fits(bi, t)) {
            err(at, (at instanceof Expr e ? ExprString.of(e) + " (constant " + bi + " of type " + t + ")" : "constant " + bi)
                    + " overflows " + t);
        }
        return new Const(t, v);
    }

    static boolean fits(BigInteger v, Type t) {
        int bits = t.bits();
        if (t.isUnsigned()) return v.signum() >= 0 && v.bitLength() <= bits;
        return v.bitLength() <= bits - 1;
    }

    private Const cbinary(Binary b) {
        Const x = cexpr(b.x);
        if (x == null) return null;
        Const y = cexpr(b.y);
        if (y == null) return null;
        Object xv = x.value(), yv = y.value();
        Tok op = b.op;
        if (op == Tok.SHL || op == Tok.SHR) {
            BigInteger xi = toBigInt(xv), yi = toBigInt(yv);
            if (xi == null || yi == null) return null;
            int n = yi.intValue();
            Type t = x.type().isUntyped() ? (x.type() == Type.UNTYPED_FLOAT ? Type.UNTYPED_INT : x.type()) : x.type();
            return typedConst(b, t, op == Tok.SHL ? xi.shiftLeft(n) : xi.shiftRight(n));
        }
        Type t = unifyConst(x.type(), y.type());
        if (t == null) return null;
        switch (op) {
            case LAND: case LOR:
                if (xv instanceof Boolean p && yv instanceof Boolean q) return new Const(t, op == Tok.LAND ? p && q : p || q);
                return null;
            case EQL: case NEQ: case LSS: case LEQ: case GTR: case GEQ: {
                int c;
                if (xv instanceof String p && yv instanceof String q) c = p.compareTo(q);
                else if (xv instanceof Boolean p && yv instanceof Boolean q) {
                    if (op != Tok.EQL && op != Tok.NEQ) return null;
                    c = p.equals(q) ? 0 : 1;
                } else {
                    BigDecimal p = toDec(xv), q = toDec(yv);
                    if (p == null || q == null) return null;
                    c = p.compareTo(q);
                }
                boolean r = switch (op) {
                    case EQL -> c == 0;
                    case NEQ -> c != 0;
                    case LSS -> c < 0;
                    case LEQ -> c <= 0;
                    case GTR -> c > 0;
                    default -> c >= 0;
                };
                return new Const(Type.UNTYPED_BOOL, r);
            }
            default:
        }
        if (xv instanceof String p && yv instanceof String q && op == Tok.ADD) return new Const(t, p + q);
        boolean isFloat = t.isFloat() || (t.isUntyped() && (xv instanceof BigDecimal || yv instanceof BigDecimal));
        if (isFloat) {
            BigDecimal p = toDec(xv), q = toDec(yv);
            if (p == null || q == null) return null;
            BigDecimal r;
            switch (op) {
                case ADD -> r = p.add(q);
                case SUB -> r = p.subtract(q);
                case MUL -> r = p.multiply(q);
                case QUO -> {
                    if (q.signum() == 0) {
                        err(b, "invalid operation: division by zero");
                        return new Const(t, BigDecimal.ZERO);
                    }
                    r = p.divide(q, java.math.MathContext.DECIMAL128);
                }
                default -> {
                    return null;
                }
            }
            if (t.isInteger() && !t.isUntyped()) return null;
            if (t.uk() == Type.Kind.FLOAT32) r = new BigDecimal((float) r.doubleValue());
            else if (t.uk() == Type.Kind.FLOAT64) r = new BigDecimal(r.doubleValue());
            return new Const(t.isUntyped() ? Type.UNTYPED_FLOAT : t, r);
        }
        BigInteger p = toBigInt(xv), q = toBigInt(yv);
        if (p == null || q == null) return null;
        BigInteger r;
        switch (op) {
            case ADD -> r = p.add(q);
            case SUB -> r = p.subtract(q);
            case MUL -> r = p.multiply(q);
            case QUO, REM -> {
                if (q.signum() == 0) {
                    err(b, "invalid operation: division by zero");
                    return new Const(t, BigInteger.ZERO);
                }
                r = op == Tok.QUO ? p.divide(q) : p.remainder(q);
            }
            case AND -> r = p.and(q);
            case OR -> r = p.or(q);
            case XOR -> r = p.xor(q);
            case AND_NOT -> r = p.andNot(q);
            default -> {
                return null;
            }
        }
        return typedConst(b, t, r);
    }

    /** The type of a binary constant operation, or null if the operand types do not match. */
    private static Type unifyConst(Type a, Type b) {
        if (!a.isUntyped()) return b.isUntyped() || Type.identical(a, b) ? a : null;
        if (!b.isUntyped()) return b;
        int ra = rank(a), rb = rank(b);
        return ra >= rb ? a : b;
    }

    private static int rank(Type t) {
        return switch (t.kind) {
            case UNTYPED_INT -> 1;
            case UNTYPED_RUNE -> 2;
            case UNTYPED_FLOAT -> 3;
            default -> 0;
        };
    }

    static BigInteger toBigInt(Object v) {
        if (v instanceof BigInteger b) return b;
        if (v instanceof BigDecimal d) {
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof Double d && d == Math.floor(d) && !Double.isInfinite(d)) return new BigDecimal(d).toBigInteger();
        return null;
    }

    static BigDecimal toDec(Object v) {
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Double d && !Double.isInfinite(d) && !Double.isNaN(d)) return new BigDecimal(d);
        return null;
    }

    /** {@code T(c)} for a constant c. */
    private Const convertConst(Node at, Const x, Type t) {
        Object v = x.value();
        if (t.isInteger()) {
            BigInteger bi = toBigInt(v);
            if (bi == null) {
                if (v instanceof BigDecimal) err(at, "cannot convert " + constString(v, x.type()) + " (" + x.type() + " constant) to type " + t + " (truncated)");
                return null;
            }
            if (!fits(bi, t)) {
                err(at, "cannot convert " + bi + " (" + (x.type().isUntyped() ? x.type() + " constant" : "constant " + bi + " of type " + x.type()) + ") to type " + t);
            }
            return new Const(t, bi);
        }
        if (t.isFloat()) {
            BigDecimal d = toDec(v);
            if (d == null) return null;
            return new Const(t, t.uk() == Type.Kind.FLOAT32 ? new BigDecimal((float) d.doubleValue()) : d);
        }
        if (t.isString()) {
            if (v instanceof String) return new Const(t, v);
            BigInteger bi = toBigInt(v);
            if (bi != null && x.type().isInteger()) return new Const(t, GoString.fromRune(bi.longValue()));
            return null;
        }
        if (t.isBool() && v instanceof Boolean) return new Const(t, v);
        return null;
    }

    /** The run-time representation of a constant value for type t. */
    Object runtimeValue(Object v, Type t) {
        if (t.isFloat()) {
            BigDecimal d = toDec(v);
            double dv = d == null ? (v instanceof Double dd ? dd : 0.0) : d.doubleValue();
            return t.uk() == Type.Kind.FLOAT32 ? (double) (float) dv : dv;
        }
        if (t.isInteger()) {
            BigInteger bi = toBigInt(v);
            return bi == null ? 0L : bi.longValue();
        }
        return v;
    }

    /** Emits a constant for an expression, converted to the hint type when it is untyped. */
    private Type emitConstExpr(Expr e, Const c, Type hint) {
        Type t = c.type();
        Type target = t;
        if (t.isUntyped()) {
            target = t.defaultType();
            if (hint != null && hint != INVALID && !hint.isInterface() && assignable(t, hint) == null) {
                target = hint;
                if (hint.isInteger()) {
                    BigInteger bi = toBigInt(c.value());
                    if (bi == null) {
                        err(e, "cannot use " + ExprString.of(e) + " (" + t + " constant) as " + hint + " value in " + "assignment (truncated)");
                    } else if (!fits(bi, hint)) {
                        err(e, "cannot use " + ExprString.of(e) + " (" + t + " constant" + (e instanceof BasicLit ? "" : " " + bi)
                                + ") as " + hint + " value in assignment (overflows)");
                    }
                }
            } else if (t.isInteger() || t == Type.UNTYPED_RUNE) {
                BigInteger bi = toBigInt(c.value());
                if (bi != null && !fits(bi, target)) {
                    err(e, "cannot use " + ExprString.of(e) + " (untyped int constant " + bi + ") as int value in "
                            + "variable declaration (overflows)");
                }
            }
        }
        e.constValue = c.value();
        e.type = t;
        emitConst(runtimeValue(c.value(), target));
        return t;
    }

    // ---------------------------------------------------------------- entry points

    Type expr(Expr e) {
        return expr(e, null);
    }

    /** The type of an expression without emitting code. */
    Type typeOf(Expr e) {
        int save = fs.n;
        int consts = fs.consts.size();
        boolean saved = dry;
        int cc = closureCount;
        dry = true;
        try {
            return expr(e, null);
        } finally {
            dry = saved;
            fs.n = save;
            closureCount = cc;
            while (fs.consts.size() > consts) {
                Object removed = fs.consts.remove(fs.consts.size() - 1);
                fs.identIndex.remove(removed);
                fs.constIndex.values().removeIf(v -> v >= fs.consts.size());
            }
        }
    }

    /** Compiles a single-valued expression. */
    Type single(Expr e, Type hint) {
        Type t = expr(e, hint);
        if (t.kind == Type.Kind.TUPLE) {
            if (t.types.isEmpty()) err(e, ExprString.of(e) + " (no value) used as value");
            else err(e, "multiple-value " + ExprString.of(e) + " (value of type " + t + ") in single-value context");
            return INVALID;
        }
        return t;
    }

    /**
     * Compiles {@code e} as a value to be stored in a location of type {@code target}:
     * checks assignability, converts untyped constants, boxes into interfaces and copies
     * aggregates. {@code context} completes the error message ("assignment", "argument to f").
     */
    void exprTo(Expr e, Type target, String context) {
        Type t = single(e, target);
        if (t == INVALID || target == INVALID) return;
        String why = assignable(t, target);
        if (why != null) {
            if (t.kind == Type.Kind.UNTYPED_NIL) err(e, "cannot use nil as " + target + " value in " + context);
            else err(e, cannotUse(e, t, target, context, why));
            return;
        }
        adapt(e, t, target);
    }

    /** Converts a value of type {@code t} on the stack for storage as {@code target}. */
    void adapt(Expr e, Type t, Type target) {
        if (target.isInterface() && !t.isInterface() && t.kind != Type.Kind.UNTYPED_NIL) {
            if (e != null && t.isAggregate() && needsCopy(e)) emit(Op.COPY);
            emit(Op.BOX, constant(t.isUntyped() ? t.defaultType() : t));
        } else if (t.isAggregate() && e != null && needsCopy(e)) {
            emit(Op.COPY);
        }
    }

    /** Whether an expression denotes existing storage (so storing it needs a copy). */
    static boolean needsCopy(Expr e) {
        while (e instanceof Paren p) e = p.x;
        return e instanceof Ident || e instanceof Selector || e instanceof Index || e instanceof Star;
    }

    Type expr(Expr e, Type hint) {
        at(e);
        Const c = isConstCandidate(e) ? cexpr(e) : null;
        if (c != null) return emitConstExpr(e, c, hint);
        Type t = exprInner(e, hint);
        e.type = t;
        return t;
    }

    private boolean isConstCandidate(Expr e) {
        return e instanceof BasicLit || e instanceof Ident || e instanceof Binary || e instanceof Unary u && u.op != Tok.AND
                && u.op != Tok.ARROW || e instanceof Paren || e instanceof Selector || e instanceof Call;
    }

    private Type exprInner(Expr e, Type hint) {
        if (e instanceof Ident id) return ident(id);
        if (e instanceof Paren p) return expr(p.x, hint);
        if (e instanceof BasicLit) throw new IllegalStateException("literal not constant");
        if (e instanceof FuncLit fl) return funcLit(fl);
        if (e instanceof CompositeLit cl) return compositeLit(cl, hint);
        if (e instanceof Selector s) return selector(s);
        if (e instanceof Index ix) return index(ix);
        if (e instanceof SliceExpr s) return sliceExpr(s);
        if (e instanceof TypeAssert ta) return typeAssert(ta);
        if (e instanceof Call c) return call(c);
        if (e instanceof Star s) return star(s);
        if (e instanceof Unary u) return unary(u, hint);
        if (e instanceof Binary b) return binary(b, hint);
        if (e instanceof KeyValue) {
            err(e, "unexpected key:value expression");
            return INVALID;
        }
        if (asType(e) != null) {
            err(e, ExprString.of(e) + " (type) is not an expression");
            return INVALID;
        }
        err(e, "not supported by GMP Lab: expression " + ExprString.of(e));
        return INVALID;
    }

    private Type ident(Ident id) {
        if (id.name.equals("_")) {
            err(id, "cannot use _ as value");
            return INVALID;
        }
        Symbol s = scope.lookup(id.name);
        id.sym = s;
        if (s == null) {
            err(id, "undefined: " + id.name);
            return INVALID;
        }
        switch (s.kind) {
            case VAR -> {
                s.used = true;
                loadVar(s);
                return s.type;
            }
            case FUNC -> {
                emitConst(new Values.Closure(s.code, new Object[0]));
                return s.type;
            }
            case NIL -> {
                emit(Op.NIL);
                return Type.UNTYPED_NIL;
            }
            case TYPE -> {
                err(id, id.name + " (type) is not an expression");
                return INVALID;
            }
            case BUILTIN -> {
                err(id, id.name + " (built-in function) must be called");
                return INVALID;
            }
            case PKG -> {
                err(id, "use of package " + id.name + " without selector");
                return INVALID;
            }
            default -> {
                err(id, "unexpected " + id.name);
                return INVALID;
            }
        }
    }

    /** If {@code e} denotes a type, that type (errors reported); otherwise null. */
    Type asType(Expr e) {
        if (e instanceof Paren p) return asType(p.x);
        if (e instanceof Ident id) {
            Symbol s = scope.lookup(id.name);
            return s != null && s.kind == Symbol.Kind.TYPE ? s.type : null;
        }
        if (e instanceof Selector sel && sel.x instanceof Ident pid) {
            Symbol p = scope.lookup(pid.name);
            if (p != null && p.kind == Symbol.Kind.PKG) {
                Symbol m = p.pkg.members.get(sel.sel.name);
                if (m != null && m.kind == Symbol.Kind.TYPE) {
                    usedImports.add(p);
                    return m.type;
                }
            }
            return null;
        }
        if (e instanceof Star s) {
            Type t = asType(s.x);
            return t == null ? null : Type.pointer(t);
        }
        if (e instanceof ArrayTypeExpr || e instanceof MapTypeExpr || e instanceof ChanTypeExpr || e instanceof FuncTypeExpr
                || e instanceof StructTypeExpr || e instanceof InterfaceTypeExpr) {
            return resolveType(e);
        }
        return null;
    }

    // ---------------------------------------------------------------- selectors

    private Type selector(Selector s) {
        if (s.x instanceof Ident pid) {
            Symbol p = scope.lookup(pid.name);
            if (p != null && p.kind == Symbol.Kind.PKG) {
                usedImports.add(p);
                pid.sym = p;
                Symbol m = p.pkg.members.get(s.sel.name);
                if (m == null) {
                    err(s.sel, "undefined: " + pid.name + "." + s.sel.name);
                    return INVALID;
                }
                if (m.kind == Symbol.Kind.NATIVE) {
                    if (m.nat != null) emitConst(new NativeFn(m.nat, new Object[0]));
                    else if (m.constValue instanceof Natives.Fn getter) emit(Op.CALLN, constant(getter), 0);
                    else emitConst(m.constValue);
                    return m.type;
                }
                if (m.kind == Symbol.Kind.TYPE) {
                    err(s, pid.name + "." + s.sel.name + " (type) is not an expression");
                    return INVALID;
                }
                err(s, "unexpected " + m.kind);
                return INVALID;
            }
        }
        Type tx = selectOwner(s);
        if (tx == INVALID) return INVALID;
        Type base = tx.uk() == Type.Kind.POINTER ? tx.u().elem : tx;
        if (base.uk() == Type.Kind.STRUCT) {
            int fi = base.fieldIndex(s.sel.name);
            if (fi >= 0) {
                emit(Op.FIELD, fi);
                return base.u().types.get(fi);
            }
        }
        // method value
        if (tx.isInterface()) {
            if (!tx.u().imethods.containsKey(s.sel.name)) return noField(s, tx);
            emit(Op.BINDI, constant(s.sel.name));
            return tx.u().imethods.get(s.sel.name);
        }
        Type.Method m = tx.method(s.sel.name);
        if (m == null) return noField(s, tx);
        prepareReceiver(s.x, tx, m);
        emit(Op.BINDM, m.code != null ? constant(m.code) : constant(m.nat));
        return m.sig;
    }

    /** Whether a value of type t has field or method {@code name} itself (not promoted). */
    static boolean hasDirect(Type t, String name) {
        if (t == INVALID) return true;
        Type base = t.uk() == Type.Kind.POINTER ? t.u().elem : t;
        if (base.uk() == Type.Kind.STRUCT && base.fieldIndex(name) >= 0) return true;
        if (t.isInterface()) return t.u().imethods.containsKey(name);
        return t.directMethod(name) != null;
    }

    /**
     * The path of embedded fields from a value of type t to the shallowest embedded value
     * that has member {@code name} itself, or null (breadth-first, as Go's promotion).
     */
    static int[] promotion(Type t, String name) {
        java.util.ArrayDeque<Object[]> queue = new java.util.ArrayDeque<>();
        queue.add(new Object[]{t, new int[0]});
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            Type cur = (Type) e[0];
            int[] path = (int[]) e[1];
            if (path.length > 4) break;
            Type base = cur.uk() == Type.Kind.POINTER ? cur.u().elem : cur;
            Type su = base.u();
            if (su.kind != Type.Kind.STRUCT || su.embedded == null) continue;
            for (int i = 0; i < su.types.size(); i++) {
                if (!su.embedded[i]) continue;
                int[] p = java.util.Arrays.copyOf(path, path.length + 1);
                p[path.length] = i;
                Type ft = su.types.get(i);
                if (hasDirect(ft, name)) return p;
                queue.add(new Object[]{ft, p});
            }
        }
        return null;
    }

    /** The type reached by following an embedding path. */
    static Type follow(Type t, int[] path) {
        for (int i : path) {
            Type base = t.uk() == Type.Kind.POINTER ? t.u().elem : t;
            t = base.u().types.get(i);
        }
        return t;
    }

    /** The static type whose value directly has member {@code name} (promotions applied), without code. */
    Type ownerType(Type tx, String name) {
        if (hasDirect(tx, name)) return tx;
        int[] p = promotion(tx, name);
        return p == null ? tx : follow(tx, p);
    }

    /**
     * Compiles the operand of {@code sel} and walks any embedded fields through which the
     * selected field or method is promoted; returns the type of the value left on the stack.
     */
    Type selectOwner(Selector sel) {
        Type tx = addressOperand(sel.x);
        if (hasDirect(tx, sel.sel.name)) return tx;
        int[] p = promotion(tx, sel.sel.name);
        if (p == null) return tx;
        for (int i : p) {
            Type base = tx.uk() == Type.Kind.POINTER ? tx.u().elem : tx;
            emit(Op.FIELD, i);
            tx = base.u().types.get(i);
        }
        return tx;
    }

    private Type noField(Selector s, Type tx) {
        err(s.sel, ExprString.of(s) + " undefined (type " + tx + " has no field or method " + s.sel.name + ")");
        return INVALID;
    }

    /**
     * Compiles the operand of a selector or index without copying: for an aggregate the
     * stack then holds the object itself, which is also its address.
     */
    Type addressOperand(Expr x) {
        return single(x, null);
    }

    /** Adjusts the receiver on the stack (of type tx) for a call of method m. */
    void prepareReceiver(Expr x, Type tx, Type.Method m) {
        boolean isPtr = tx.uk() == Type.Kind.POINTER;
        if (m.ptrRecv) {
            if (!isPtr && !tx.isAggregate()) {
                // need &x: re-emit as the variable's cell
                emit(Op.POP);
                Expr u = x;
                while (u instanceof Paren p) u = p.x;
                if (!(u instanceof Ident id && id.sym != null && id.sym.kind == Symbol.Kind.VAR && pushCell(id.sym))) {
                    err(x, "not supported by GMP Lab: pointer method " + m.name + " on a value that is not a variable");
                    emit(Op.NIL);
                }
            }
        } else if (isPtr) {
            Type elem = tx.u().elem;
            if (elem.isAggregate()) {
                emit(Op.NILCHECK);
                emit(Op.COPY);
            } else {
                emit(Op.DEREF);
            }
        } else if (tx.isAggregate()) {
            emit(Op.COPY);
        }
    }

    // ---------------------------------------------------------------- index, slice, assert, star

    private Type index(Index ix) {
        Type tx = addressOperand(ix.x);
        if (tx == INVALID) {
            typeOf(ix.index);
            return INVALID;
        }
        Type u = tx.u();
        if (u.kind == Type.Kind.POINTER && u.elem.uk() == Type.Kind.ARRAY) u = u.elem.u();
        switch (u.kind) {
            case STRING, UNTYPED_STRING -> {
                indexValue(ix.index, -1);
                emit(Op.STRINDEX);
                return Type.UINT8;
            }
            case SLICE -> {
                indexValue(ix.index, -1);
                emit(Op.INDEX);
                return u.elem;
            }
            case ARRAY -> {
                indexValue(ix.index, u.length);
                emit(Op.INDEX);
                return u.elem;
            }
            case MAP -> {
                exprTo(ix.index, u.key, "map index");
                emit(Op.MINDEX, constant(u.elem));
                return u.elem;
            }
            default -> {
                err(ix, "invalid operation: cannot index " + describe(ix.x, tx));
                return INVALID;
            }
        }
    }

    /** Compiles an index operand (an integer); checks constant indexes against a known length. */
    void indexValue(Expr e, long length) {
        Const c = cexpr(e);
        Type t = single(e, Type.INT);
        if (t != INVALID && !t.isInteger()) {
            err(e, "invalid argument: index " + describe(e, t) + " must be integer");
        }
        if (c != null && toBigInt(c.value()) != null) {
            BigInteger v = toBigInt(c.value());
            if (v.signum() < 0) err(e, "invalid argument: index " + ExprString.of(e) + " (constant of type int) must not be negative");
            else if (length >= 0 && v.longValue() >= length) {
                err(e, "invalid argument: index " + v + " out of bounds [0:" + length + "]");
            }
        }
    }

    private Type sliceExpr(SliceExpr s) {
        Type tx = addressOperand(s.x);
        int flags = 0;
        if (s.lo != null) {
            indexValue(s.lo, -1);
            flags |= 1;
        }
        if (s.hi != null) {
            indexValue(s.hi, -1);
            flags |= 2;
        }
        if (s.max != null) {
            indexValue(s.max, -1);
            flags |= 4;
        }
        emit(Op.SLICE, flags);
        Type u = tx.u();
        return switch (u.kind) {
            case STRING -> tx;
            case UNTYPED_STRING -> Type.STRING;
            case SLICE -> tx;
            case ARRAY -> Type.slice(u.elem);
            case POINTER -> u.elem.uk() == Type.Kind.ARRAY ? Type.slice(u.elem.u().elem) : sliceErr(s, tx);
            default -> sliceErr(s, tx);
        };
    }

    private Type sliceErr(SliceExpr s, Type tx) {
        if (tx != INVALID) err(s, "cannot slice " + describe(s.x, tx));
        return INVALID;
    }

    private Type typeAssert(TypeAssert ta) {
        Type tx = single(ta.x, null);
        if (ta.typeExpr == null) {
            err(ta, "invalid syntax tree: use of .(type) outside type switch");
            return INVALID;
        }
        Type t = resolveType(ta.typeExpr);
        if (tx == INVALID || t == INVALID) return INVALID;
        if (!tx.isInterface()) {
            err(ta.x, "invalid operation: " + ExprString.of(ta.x) + " (variable of type " + tx + ") is not an interface");
            return INVALID;
        }
        checkAssertable(ta, tx, t);
        emit(Op.ASSERT, constant(new Type[]{t, tx}));
        return t;
    }

    void checkAssertable(Node at, Type tx, Type t) {
        if (!t.isInterface()) {
            String missing = t.missingMethod(tx);
            if (missing != null) {
                err(at, "impossible type assertion: " + t + " does not implement " + tx + " (missing method " + missing + ")");
            }
        }
    }

    /** {@code v, ok := x.(T)}: pushes the value and the flag. */
    Type typeAssertOk(TypeAssert ta) {
        Type tx = single(ta.x, null);
        Type t = resolveType(ta.typeExpr);
        if (tx == INVALID || t == INVALID) return Type.tuple(List.of(INVALID, Type.BOOL));
        if (!tx.isInterface()) {
            err(ta.x, "invalid operation: " + ExprString.of(ta.x) + " (variable of type " + tx + ") is not an interface");
        }
        checkAssertable(ta, tx, t);
        emit(Op.ASSERTOK, constant(t));
        return Type.tuple(List.of(t, Type.BOOL));
    }

    private Type star(Star s) {
        Type asT = asType(s.x);
        if (asT != null && !(s.x instanceof Ident id && scope.lookup(id.name).kind != Symbol.Kind.TYPE)) {
            err(s, ExprString.of(s) + " (type) is not an expression");
            return INVALID;
        }
        Type tx = single(s.x, null);
        if (tx == INVALID) return INVALID;
        if (tx.uk() != Type.Kind.POINTER) {
            if (tx.kind == Type.Kind.UNTYPED_NIL) err(s, "invalid operation: cannot indirect nil");
            else err(s, "invalid operation: cannot indirect " + describe(s.x, tx));
            return INVALID;
        }
        Type elem = tx.u().elem;
        if (elem.isAggregate()) emit(Op.NILCHECK);
        else emit(Op.DEREF);
        return elem;
    }

    // ---------------------------------------------------------------- unary and binary

    private Type unary(Unary u, Type hint) {
        switch (u.op) {
            case AND:
                return addressOf(u);
            case ARROW: {
                Type t = single(u.x, null);
                if (t == INVALID) return INVALID;
                if (t.uk() != Type.Kind.CHAN) {
                    err(u, "invalid operation: cannot receive from non-channel " + describe(u.x, t));
                    return INVALID;
                }
                if (t.u().dir == Type.SEND) {
                    err(u.x, "invalid operation: cannot receive from send-only channel " + describe(u.x, t));
                }
                emit(Op.RECV, constant(t.u().elem));
                return t.u().elem;
            }
            case NOT: {
                Type t = single(u.x, hint);
                if (t != INVALID && !t.isBool()) err(u.x, "invalid operation: operator ! not defined on " + describe(u.x, t));
                emit(Op.NOT);
                return t;
            }
            case SUB: {
                Type t = single(u.x, hint);
                if (t.isFloat()) emit(Op.FNEG);
                else if (t.isInteger()) {
                    emit(Op.NEG);
                    wrap(t);
                } else if (t != INVALID) err(u.x, "invalid operation: operator - not defined on " + describe(u.x, t));
                return t;
            }
            case ADD: {
                Type t = single(u.x, hint);
                if (t != INVALID && !t.isNumeric()) err(u.x, "invalid operation: operator + not defined on " + describe(u.x, t));
                return t;
            }
            case XOR: {
                Type t = single(u.x, hint);
                if (t != INVALID && !t.isInteger()) err(u.x, "invalid operation: operator ^ not defined on " + describe(u.x, t));
                emit(Op.BITNOT);
                wrap(t);
                return t;
            }
            default:
                err(u, "unexpected unary " + u.op);
                return INVALID;
        }
    }

    /** Truncates the integer on the stack to the width of t. */
    void wrap(Type t) {
        if (!t.isInteger() || t.isUntyped()) return;
        int bits = t.bits();
        if (bits < 64) emit(Op.WRAP, t.isUnsigned() ? 100 + bits : bits);
    }

    private Type addressOf(Unary u) {
        Expr x = u.x;
        while (x instanceof Paren p) x = p.x;
        if (x instanceof CompositeLit cl) {
            Type t = compositeLit(cl, null);
            if (!t.isAggregate()) emit(Op.NEWCELL);
            return Type.pointer(t);
        }
        if (x instanceof Ident id) {
            Symbol s = scope.lookup(id.name);
            id.sym = s;
            if (s != null && s.kind == Symbol.Kind.VAR) {
                s.used = true;
                if (s.type.isAggregate()) {
                    loadVar(s);
                    return Type.pointer(s.type);
                }
                if (pushCell(s)) return Type.pointer(s.type);
                err(u, "not supported by GMP Lab: address of " + id.name);
                return INVALID;
            }
        }
        if (x instanceof Selector sel) {
            Type t = typeOf(x);
            if (t.isAggregate()) {
                single(x, null);
                return Type.pointer(t);
            }
            Type tx = selectOwner(sel);
            Type base = tx.uk() == Type.Kind.POINTER ? tx.u().elem : tx;
            int fi = base.fieldIndex(sel.sel.name);
            if (fi < 0) {
                err(u, "invalid operation: cannot take address of " + ExprString.of(x));
                return INVALID;
            }
            emit(Op.ADDRFIELD, fi);
            return Type.pointer(base.u().types.get(fi));
        }
        if (x instanceof Index ix) {
            Type t = typeOf(x);
            Type tc = typeOf(ix.x);
            if (tc.uk() == Type.Kind.MAP) {
                err(u, "invalid operation: cannot take address of " + ExprString.of(x) + " (map index expression of type " + t + ")");
                return INVALID;
            }
            if (t.isAggregate()) {
                single(x, null);
                return Type.pointer(t);
            }
            addressOperand(ix.x);
            indexValue(ix.index, -1);
            emit(Op.ADDRINDEX);
            return Type.pointer(t);
        }
        if (x instanceof Star s) {
            return single(s.x, null);
        }
        Type t = typeOf(x);
        err(u, "invalid operation: cannot take address of " + describe(x, t));
        return INVALID;
    }

    private Type binary(Binary b, Type hint) {
        Tok op = b.op;
        if (op == Tok.LAND || op == Tok.LOR) {
            Type tx = single(b.x, null);
            int j = jump(op == Tok.LAND ? Op.JF : Op.JT);
            Type ty = single(b.y, null);
            int end = jump(Op.JMP);
            patch(j);
            emitConst(op == Tok.LOR);
            patch(end);
            if (tx != INVALID && !tx.isBool()) err(b, "invalid operation: operator " + op.text + " not defined on " + describe(b.x, tx));
            else if (ty != INVALID && !ty.isBool()) err(b, "invalid operation: operator " + op.text + " not defined on " + describe(b.y, ty));
            return tx.isUntyped() ? ty : tx;
        }
        if (op == Tok.SHL || op == Tok.SHR) {
            boolean untypedLeft = cexpr(b.x) != null && cexpr(b.x).type().isUntyped();
            Type target = hint != null && hint.isInteger() && !hint.isUntyped() ? hint : untypedLeft ? Type.INT : null;
            Type tx = single(b.x, target);
            if (untypedLeft) {
                // "1 << n": the constant takes the type the context gives it
                if (hint != null && hint.isFloat()) {
                    err(b, "invalid operation: shifted operand " + ExprString.of(b.x) + " (type " + hint + ") must be integer");
                }
                tx = target == Type.INT && (hint == null || !hint.isInteger()) ? Type.UNTYPED_INT : target;
            }
            Type ty = single(b.y, Type.UINT);
            if (ty != INVALID && !ty.isInteger()) err(b.y, "invalid operation: shift count " + describe(b.y, ty) + " must be integer");
            if (tx != INVALID && !tx.isInteger()) {
                err(b, "invalid operation: shifted operand " + describe(b.x, tx) + " must be integer");
                return INVALID;
            }
            emit(op == Tok.SHL ? Op.SHL : tx.isUnsigned() ? Op.USHR : Op.SHR);
            wrap(tx);
            return tx;
        }
        if (isUntypedShift(b.x) || isUntypedShift(b.y)) {
            // a non-constant shift of an untyped constant takes the other operand's type
            Expr shift = isUntypedShift(b.x) ? b.x : b.y;
            Expr other = shift == b.x ? b.y : b.x;
            Type ot = cexpr(other) != null ? cexpr(other).type() : typeOf(other);
            if (ot.isUntyped()) ot = hint != null && hint.isInteger() ? hint : Type.INT;
            Binary typed = b;
            single(b.x, ot);
            single(b.y, ot);
            boolean cmpOp = op == Tok.EQL || op == Tok.NEQ || op == Tok.LSS || op == Tok.LEQ || op == Tok.GTR || op == Tok.GEQ;
            return cmpOp ? compare(typed, ot) : arith(typed, ot);
        }
        // operand types: untyped constants take the other side's type
        Const cx = cexpr(b.x), cy = cexpr(b.y);
        Type tx0 = cx != null ? cx.type() : typeOf(b.x);
        Type ty0 = cy != null ? cy.type() : typeOf(b.y);
        if (tx0 == INVALID || ty0 == INVALID) {
            // compile for real so the operands' own errors are reported
            single(b.x, null);
            single(b.y, null);
            return INVALID;
        }
        if (tx0.kind == Type.Kind.TUPLE || ty0.kind == Type.Kind.TUPLE) {
            single(tx0.kind == Type.Kind.TUPLE ? b.x : b.y, null);
            return INVALID;
        }
        boolean cmp = op == Tok.EQL || op == Tok.NEQ || op == Tok.LSS || op == Tok.LEQ || op == Tok.GTR || op == Tok.GEQ;
        Type t;
        if (tx0.isUntyped() && ty0.isUntyped()) {
            t = rank(tx0) >= rank(ty0) ? tx0.defaultType() : ty0.defaultType();
            if (tx0.kind == Type.Kind.UNTYPED_NIL || ty0.kind == Type.Kind.UNTYPED_NIL) t = Type.UNTYPED_NIL;
            if (!cmp && hint != null && hint != INVALID && !hint.isInterface() && tx0.kind != Type.Kind.UNTYPED_NIL
                    && assignable(tx0, hint) == null && assignable(ty0, hint) == null) t = hint;
        } else if (tx0.isUntyped()) {
            t = ty0;
        } else {
            t = tx0;
        }
        boolean mixedIface = false;
        if (!tx0.isUntyped() && !ty0.isUntyped() && !Type.identical(tx0, ty0)) {
            if (cmp && (op == Tok.EQL || op == Tok.NEQ) && (tx0.isInterface() && assignable(ty0, tx0) == null
                    || ty0.isInterface() && assignable(tx0, ty0) == null)) {
                mixedIface = true;
                t = tx0.isInterface() ? tx0 : ty0;
            } else {
                err(b, "invalid operation: " + ExprString.of(b) + " (mismatched types " + tx0 + " and " + ty0 + ")");
                return INVALID;
            }
        }
        if (!mixedIface && (tx0.isUntyped() != ty0.isUntyped())) {
            Type ut = tx0.isUntyped() ? tx0 : ty0;
            Expr ue = tx0.isUntyped() ? b.x : b.y;
            if (assignable(ut, t) != null || (ut.kind == Type.Kind.UNTYPED_NIL && !t.isNillable())) {
                if (ut.kind == Type.Kind.UNTYPED_NIL) {
                    err(b, "invalid operation: " + ExprString.of(b) + " (mismatched types " + (ue == b.x ? "untyped nil and " + t : t + " and untyped nil") + ")");
                } else {
                    Const uc = ue == b.x ? cx : cy;
                    if (uc != null && t.isNumeric() && ut.isNumeric()) {
                        err(ue, "cannot use " + ExprString.of(ue) + " (" + ut + " constant) as " + t + " value in " + "expression (truncated)");
                    } else {
                        err(b, "invalid operation: " + ExprString.of(b) + " (mismatched types " + (ue == b.x ? ut + " and " + t : t + " and " + ut) + ")");
                    }
                }
                return INVALID;
            }
        }
        // emit operands
        if (mixedIface) {
            Type ax = single(b.x, null);
            adapt(b.x, ax, t);
            Type ay = single(b.y, null);
            adapt(b.y, ay, t);
        } else {
            single(b.x, t);
            single(b.y, t);
        }
        if (cmp) return compare(b, t);
        return arith(b, t);
    }

    private boolean isUntypedShift(Expr e) {
        while (e instanceof Paren p) e = p.x;
        if (!(e instanceof Binary sb) || (sb.op != Tok.SHL && sb.op != Tok.SHR)) return false;
        Const c = cexpr(sb.x);
        return c != null && c.type().isUntyped() && cexpr(sb.y) == null;
    }

    private Type compare(Binary b, Type t) {
        Tok op = b.op;
        if (op == Tok.EQL || op == Tok.NEQ) {
            if (t.kind == Type.Kind.UNTYPED_NIL) {
                err(b, "invalid operation: " + ExprString.of(b) + " (operator " + op.text + " not defined on nil)");
                return INVALID;
            }
            Type.Kind k = t.uk();
            boolean nilCmp = isNil(b.x) || isNil(b.y);
            if (!t.comparable() && !nilCmp) {
                String what = k == Type.Kind.SLICE ? "slice" : k == Type.Kind.MAP ? "map" : k == Type.Kind.FUNC ? "func" : "struct containing uncomparable field";
                err(b, "invalid operation: " + ExprString.of(b) + " (" + what + " can only be compared to nil)");
                return INVALID;
            }
            boolean ref = k == Type.Kind.POINTER || k == Type.Kind.CHAN || k == Type.Kind.MAP || k == Type.Kind.FUNC
                    || k == Type.Kind.SLICE || k == Type.Kind.UNSAFE_POINTER || (nilCmp && k == Type.Kind.INTERFACE);
            emit(ref ? (op == Tok.EQL ? Op.EQREF : Op.NEREF) : (op == Tok.EQL ? Op.EQ : Op.NE));
            return Type.UNTYPED_BOOL;
        }
        int base;
        if (t.isString()) base = Op.SLT;
        else if (t.isFloat()) base = Op.FLT;
        else if (t.isUnsigned()) base = Op.ULT;
        else if (t.isInteger()) base = Op.ILT;
        else {
            err(b, "invalid operation: " + ExprString.of(b) + " (operator " + op.text + " not defined on " + operandKind(b.x, t) + ")");
            return INVALID;
        }
        emit(base + switch (op) {
            case LSS -> 0;
            case LEQ -> 1;
            case GTR -> 2;
            default -> 3;
        });
        return Type.UNTYPED_BOOL;
    }

    private String operandKind(Expr x, Type t) {
        return ExprString.of(x) + " (variable of type " + t + ")";
    }

    static boolean isNil(Expr e) {
        while (e instanceof Paren p) e = p.x;
        return e instanceof Ident id && id.sym != null && id.sym.kind == Symbol.Kind.NIL
                || e instanceof Ident id2 && id2.name.equals("nil") && id2.sym == null;
    }

    private Type arith(Binary b, Type t) {
        Tok op = b.op;
        if (t.isString()) {
            if (op != Tok.ADD) return opNotDefined(b, t);
            emit(Op.CONCAT);
            return t;
        }
        if (t.isFloat()) {
            switch (op) {
                case ADD -> emit(Op.FADD);
                case SUB -> emit(Op.FSUB);
                case MUL -> emit(Op.FMUL);
                case QUO -> emit(Op.FDIV);
                default -> {
                    return opNotDefined(b, t);
                }
            }
            if (t.uk() == Type.Kind.FLOAT32) emit(Op.FROUND32);
            return t;
        }
        if (!t.isInteger()) return opNotDefined(b, t);
        if ((op == Tok.QUO || op == Tok.REM)) {
            Const cy = cexpr(b.y);
            if (cy != null && toBigInt(cy.value()) != null && toBigInt(cy.value()).signum() == 0) {
                err(b, "invalid operation: division by zero");
            }
        }
        boolean u = t.isUnsigned();
        switch (op) {
            case ADD -> emit(Op.ADD);
            case SUB -> emit(Op.SUB);
            case MUL -> emit(Op.MUL);
            case QUO -> emit(u ? Op.UDIV : Op.DIV);
            case REM -> emit(u ? Op.UREM : Op.REM);
            case AND -> emit(Op.AND);
            case OR -> emit(Op.OR);
            case XOR -> emit(Op.XOR);
            case AND_NOT -> emit(Op.ANDNOT);
            default -> {
                return opNotDefined(b, t);
            }
        }
        wrap(t);
        return t;
    }

    private Type opNotDefined(Binary b, Type t) {
        err(b, "invalid operation: operator " + b.op.text + " not defined on " + describe(b.x, t));
        return INVALID;
    }

    // ---------------------------------------------------------------- composite literals

    Type compositeLit(CompositeLit cl, Type hint) {
        Type t;
        if (cl.typeExpr == null) {
            if (hint == null) {
                err(cl, "invalid composite literal type: missing type");
                return INVALID;
            }
            t = hint;
        } else if (cl.typeExpr instanceof ArrayTypeExpr at && at.dots) {
            Type elem = resolveType(at.elem);
            long n = 0, idx = 0;
            for (Expr e : cl.elts) {
                if (e instanceof KeyValue kv) {
                    Object k = constValueOf(kv.key);
                    if (k instanceof BigInteger bi) idx = bi.longValue();
                }
                idx++;
                n = Math.max(n, idx);
            }
            t = Type.array(elem, n);
        } else {
            t = resolveType(cl.typeExpr);
        }
        if (t == INVALID) return INVALID;
        Type u = t.u();
        boolean ptr = false;
        if (cl.typeExpr == null && u.kind == Type.Kind.POINTER) {
            // elided &T{...} inside a slice or map literal
            ptr = true;
            t = u.elem;
            u = t.u();
        }
        switch (u.kind) {
            case STRUCT -> structLit(cl, t, u);
            case SLICE, ARRAY -> arrayLit(cl, t, u);
            case MAP -> {
                for (Expr e : cl.elts) {
                    if (!(e instanceof KeyValue kv)) {
                        err(e, "missing key in map literal");
                        continue;
                    }
                    elem(kv.key, u.key, "map literal");
                    elem(kv.value, u.elem, "map literal");
                }
                emit(Op.MAPLIT, constant(t), cl.elts.size());
            }
            default -> {
                err(cl, "invalid composite literal type " + t);
                return INVALID;
            }
        }
        return ptr ? Type.pointer(t) : t;
    }

    private void elem(Expr e, Type t, String context) {
        if (e instanceof CompositeLit inner && inner.typeExpr == null) {
            Type it = compositeLit(inner, t);
            adapt(null, it, t);
        } else {
            exprTo(e, t, context);
        }
    }

    private void structLit(CompositeLit cl, Type t, Type u) {
        int n = u.types.size();
        boolean keyed = !cl.elts.isEmpty() && cl.elts.get(0) instanceof KeyValue;
        if (!keyed) {
            if (!cl.elts.isEmpty() && cl.elts.size() != n) {
                err(cl.elts.size() < n ? cl : cl.elts.get(n), (cl.elts.size() < n ? "too few" : "too many") + " values in struct literal of type " + t);
            }
            for (int i = 0; i < n; i++) {
                if (i < cl.elts.size()) elem(cl.elts.get(i), u.types.get(i), "struct literal");
                else emitZero(u.types.get(i));
            }
        } else {
            Expr[] byField = new Expr[n];
            for (Expr e : cl.elts) {
                if (!(e instanceof KeyValue kv) || !(kv.key instanceof Ident f)) {
                    err(e, "mixture of field:value and value elements in struct literal");
                    continue;
                }
                int fi = u.names.indexOf(f.name);
                if (fi < 0) {
                    err(kv.key, "unknown field " + f.name + " in struct literal of type " + t);
                    continue;
                }
                if (byField[fi] != null) err(kv.key, "duplicate field name " + f.name + " in struct literal");
                byField[fi] = kv.value;
            }
            for (int i = 0; i < n; i++) {
                if (byField[i] != null) elem(byField[i], u.types.get(i), "struct literal");
                else emitZero(u.types.get(i));
            }
        }
        emit(Op.STRUCTLIT, constant(t));
    }

    private void arrayLit(CompositeLit cl, Type t, Type u) {
        // positions: keyed elements set the index
        List<Long> idx = new ArrayList<>();
        long next = 0, max = 0;
        for (Expr e : cl.elts) {
            if (e instanceof KeyValue kv) {
                Object k = constValueOf(kv.key);
                if (k instanceof BigInteger bi) next = bi.longValue();
                else err(kv.key, "index " + ExprString.of(kv.key) + " must be integer constant");
            }
            idx.add(next);
            next++;
            max = Math.max(max, next);
        }
        long len = u.kind == Type.Kind.ARRAY ? u.length : max;
        if (u.kind == Type.Kind.ARRAY && max > u.length) {
            err(cl.elts.get((int) u.length), "index " + u.length + " out of bounds [0:" + u.length + "]");
            return;
        }
        boolean sequential = true;
        for (int i = 0; i < idx.size(); i++) sequential &= idx.get(i) == i;
        if (sequential) {
            for (Expr e : cl.elts) elem(e instanceof KeyValue kv ? kv.value : e, u.elem, "slice literal");
            for (long i = cl.elts.size(); i < len; i++) emitZero(u.elem);
        } else {
            Expr[] at = new Expr[(int) len];
            for (int i = 0; i < cl.elts.size(); i++) {
                Expr e = cl.elts.get(i);
                at[(int) (long) idx.get(i)] = e instanceof KeyValue kv ? kv.value : e;
            }
            for (Expr e : at) {
                if (e == null) emitZero(u.elem);
                else elem(e, u.elem, "slice literal");
            }
        }
        if (u.kind == Type.Kind.ARRAY) emit(Op.ARRAYLIT, constant(t));
        else emit(Op.SLICELIT, constant(t), (int) len);
    }

    // ---------------------------------------------------------------- calls

    private static final Natives.Native CLOSE = new Natives.Fn("close", 0, (m, a) -> {
        if (a[0] == null) throw GoPanic.plain("close of nil channel");
        m.block(new Action.Close((gmplab.runtime.Chan) a[0]), null);
        return null;
    });
    private static final Natives.Native PANIC = new Natives.Fn("panic", 0, (m, a) -> {
        throw new GoPanic(a[0]);
    });
    private static final Natives.Native PRINTLN = new Natives.Fn("println", 0, (m, a) -> {
        m.emit(new Action.Print(GoString.toJava(printBuiltin(Natives.elems(a[0]), true)), true));
        return null;
    });
    private static final Natives.Native PRINT = new Natives.Fn("print", 0, (m, a) -> {
        m.emit(new Action.Print(GoString.toJava(printBuiltin(Natives.elems(a[0]), false)), true));
        return null;
    });

    /** The builtin print/println format: floats as +1.500000e+000, no Stringer calls. */
    static String printBuiltin(List<Object> args, boolean ln) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (ln && i > 0) sb.append(' ');
            Object a = args.get(i);
            Object v = a instanceof Values.Iface f ? f.value() : a;
            if (v instanceof Double d) {
                String s = Fmt.exp(d, 6);
                int e = s.indexOf('e');
                String exp = s.substring(e + 2);
                while (exp.length() < 3) exp = "0" + exp;
                sb.append(d >= 0 ? "+" : "").append(s, 0, e + 2).append(exp);
            } else if (v == null) {
                sb.append(a == null ? "(0x0,0x0)" : "0x0");
            } else if (v instanceof Long || v instanceof String || v instanceof Boolean) {
                sb.append(v);
            } else {
                sb.append(Fmt.pointerString(null, v));
            }
        }
        if (ln) sb.append('\n');
        return sb.toString();
    }

    /** What a call expression calls. */
    enum CalleeKind { CONVERSION, BUILTIN, NATIVE, STATIC, METHOD, IFACE, VALUE }

    CalleeKind calleeKind(Call c) {
        Expr f = c.fun;
        while (f instanceof Paren p) f = p.x;
        if (asType(f) != null) return CalleeKind.CONVERSION;
        if (f instanceof Ident id) {
            Symbol s = scope.lookup(id.name);
            if (s != null && s.kind == Symbol.Kind.BUILTIN) return CalleeKind.BUILTIN;
            if (s != null && s.kind == Symbol.Kind.FUNC) return CalleeKind.STATIC;
        }
        if (f instanceof Selector sel) {
            if (sel.x instanceof Ident pid) {
                Symbol p = scope.lookup(pid.name);
                if (p != null && p.kind == Symbol.Kind.PKG) {
                    Symbol m = p.pkg.members.get(sel.sel.name);
                    return m != null && m.nat != null ? CalleeKind.NATIVE : CalleeKind.VALUE;
                }
            }
            Type tx = ownerType(typeOf(sel.x), sel.sel.name);
            Type base = tx.uk() == Type.Kind.POINTER ? tx.u().elem : tx;
            if (base.uk() == Type.Kind.STRUCT && base.fieldIndex(sel.sel.name) >= 0) return CalleeKind.VALUE;
            if (tx.isInterface() && tx.u().imethods.containsKey(sel.sel.name)) return CalleeKind.IFACE;
            if (tx.method(sel.sel.name) != null) return CalleeKind.METHOD;
        }
        return CalleeKind.VALUE;
    }

    Type call(Call c) {
        Expr f = c.fun;
        while (f instanceof Paren p) f = p.x;
        CalleeKind kind = calleeKind(c);
        switch (kind) {
            case CONVERSION:
                return conversion(c, asType(f));
            case BUILTIN:
                return builtin(c, ((Ident) f).name);
            case NATIVE: {
                Selector sel = (Selector) f;
                Symbol p = scope.lookup(((Ident) sel.x).name);
                usedImports.add(p);
                ((Ident) sel.x).sym = p;
                Symbol m = p.pkg.members.get(sel.sel.name);
                int argc = args(c, m.type, 0, ExprString.of(sel));
                emit(Op.CALLN, constant(m.nat), argc);
                return results(m.type);
            }
            case STATIC: {
                Symbol s = scope.lookup(((Ident) f).name);
                ((Ident) f).sym = s;
                int argc = args(c, s.type, 0, s.name);
                emit(Op.CALL, constant(s.code), argc);
                return results(s.type);
            }
            case METHOD: {
                Selector sel = (Selector) f;
                Type tx = selectOwner(sel);
                Type.Method m = tx.method(sel.sel.name);
                prepareReceiver(sel.x, tx, m);
                int argc = args(c, m.sig, 0, ExprString.of(sel)) + 1;
                if (m.code != null) emit(Op.CALL, constant(m.code), argc);
                else emit(Op.CALLN, constant(m.nat), argc);
                return results(m.sig);
            }
            case IFACE: {
                Selector sel = (Selector) f;
                Type tx = selectOwner(sel);
                Type sig = tx.u().imethods.get(sel.sel.name);
                int argc = args(c, sig, 0, ExprString.of(sel)) + 1;
                emit(Op.CALLI, constant(sel.sel.name), argc);
                return results(sig);
            }
            default: {
                Type ft = single(f, null);
                if (ft == INVALID) {
                    for (Expr a : c.args) typeOf(a);
                    return INVALID;
                }
                if (ft.uk() != Type.Kind.FUNC) {
                    err(c, "invalid operation: cannot call non-function " + describe(f, ft));
                    return INVALID;
                }
                int argc = args(c, ft.u(), 0, ExprString.of(f));
                emit(Op.CALLV, argc);
                return results(ft.u());
            }
        }
    }

    static Type results(Type sig) {
        Type u = sig.u();
        if (u.results.size() == 1) return u.results.get(0);
        return Type.tuple(u.results);
    }

    /**
     * Compiles call arguments against a signature: converts and boxes, packs variadic
     * extras into a slice, and reports count mismatches as gc does. Returns the number
     * of values pushed.
     */
    int args(Call c, Type sig, int skip, String fname) {
        Type u = sig.u();
        List<Type> params = u.types;
        int np = params.size();
        // f(g()) with multi-value g
        if (c.args.size() == 1 && (np > 1 || u.variadic) && !c.ellipsis && c.args.get(0) instanceof Call inner) {
            Type rt = typeOf(inner);
            if (rt.kind == Type.Kind.TUPLE && rt.types.size() > 1) {
                expr(inner, null);
                int n = rt.types.size();
                if (n != np && !(u.variadic && n >= np - 1)) {
                    err(c, (n < np ? "not enough" : "too many") + " arguments in call to " + fname + "\n\thave "
                            + rt + "\n\twant " + paramList(u));
                    return 0;
                }
                int[] tmp = new int[n];
                for (int i = n - 1; i >= 0; i--) {
                    tmp[i] = newLocal();
                    emit(Op.STORE, tmp[i]);
                }
                int fixed = u.variadic ? np - 1 : np;
                for (int i = 0; i < Math.min(n, fixed); i++) {
                    emit(Op.LOAD, tmp[i]);
                    checkAssign(inner, rt.types.get(i), params.get(i), "argument to " + fname);
                }
                if (u.variadic) {
                    Type et = params.get(np - 1).elem;
                    for (int i = fixed; i < n; i++) {
                        emit(Op.LOAD, tmp[i]);
                        checkAssign(inner, rt.types.get(i), et, "argument to " + fname);
                    }
                    emit(Op.SLICELIT, constant(params.get(np - 1)), n - fixed);
                }
                return np;
            }
        }
        int na = c.args.size();
        boolean countOk = u.variadic && !c.ellipsis ? na >= np - 1 : na == np;
        if (!countOk) {
            List<String> have = new ArrayList<>();
            for (Expr a : c.args) {
                Type t = typeOf(a);
                have.add(t.isUntyped() && t.isNumeric() ? "number" : String.valueOf(t));
            }
            err(na < np ? (na == 0 ? c : c.args.get(na - 1)) : c.args.get(np),
                    (na < np ? "not enough" : "too many") + " arguments in call to " + fname
                    + "\n\thave (" + String.join(", ", have) + ")\n\twant " + paramList(u));
            return 0;
        }
        if (c.ellipsis && !u.variadic) {
            err(c, "have (...) but function is not variadic: " + fname);
            return 0;
        }
        int fixed = u.variadic ? np - 1 : np;
        for (int i = 0; i < fixed; i++) exprTo(c.args.get(i), params.get(i), "argument to " + fname);
        if (u.variadic) {
            Type st = params.get(np - 1);
            if (c.ellipsis) {
                exprTo(c.args.get(na - 1), st, "argument to " + fname);
            } else {
                for (int i = fixed; i < na; i++) exprTo(c.args.get(i), st.elem, "argument to " + fname);
                if (na - fixed == 0) emit(Op.NIL);
                else emit(Op.SLICELIT, constant(st), na - fixed);
            }
        }
        return np;
    }

    private static String paramList(Type u) {
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < u.types.size(); i++) {
            ps.add(u.variadic && i == u.types.size() - 1 ? "..." + u.types.get(i).elem : String.valueOf(u.types.get(i)));
        }
        return "(" + String.join(", ", ps) + ")";
    }

    void checkAssign(Expr e, Type t, Type target, String context) {
        String why = assignable(t, target);
        if (why != null) {
            err(e, cannotUse(e, t, target, context, why));
            return;
        }
        if (target.isInterface() && !t.isInterface()) emit(Op.BOX, constant(t));
    }

    private Type conversion(Call c, Type t) {
        if (c.args.size() != 1) {
            err(c, (c.args.isEmpty() ? "missing argument in conversion to " : "too many arguments in conversion to ") + t);
            return INVALID;
        }
        Expr x = c.args.get(0);
        Const cx = cexpr(x);
        if (cx != null && !t.isInterface() && (t.isNumeric() || t.isString() || t.isBool())) {
            Const r = convertConst(c, cx, t);
            if (r != null) {
                emitConst(runtimeValue(r.value(), t));
                c.constValue = r.value();
                return t;
            }
        }
        Type from = single(x, t.isNumeric() || t.isString() ? null : t);
        if (from == INVALID || t == INVALID) return t;
        if (t.isInterface()) {
            String why = assignable(from, t);
            if (why != null) err(c, "cannot convert " + describe(x, from) + " to type " + t + why);
            adapt(x, from, t);
            return t;
        }
        Type fu = from.isUntyped() ? from.defaultType().u() : from.u();
        Type tu = t.u();
        if (fu.kind == Type.Kind.UNTYPED_NIL) {
            if (!t.isNillable()) err(c, "cannot convert nil to type " + t);
            return t;
        }
        if (from.isInteger() && t.isInteger()) {
            wrap(t);
            return t;
        }
        if (from.isInteger() && t.isFloat()) {
            emit(Op.CONV, from.isUnsigned() ? Conv.UINT_TO_FLOAT : Conv.INT_TO_FLOAT);
            if (tu.kind == Type.Kind.FLOAT32) emit(Op.FROUND32);
            return t;
        }
        if (from.isFloat() && t.isInteger()) {
            emit(Op.CONV, t.isUnsigned() && t.bits() == 64 ? Conv.FLOAT_TO_UINT : Conv.FLOAT_TO_INT);
            wrap(t);
            return t;
        }
        if (from.isFloat() && t.isFloat()) {
            if (tu.kind == Type.Kind.FLOAT32) emit(Op.FROUND32);
            return t;
        }
        if (t.isString() && from.isInteger()) {
            emit(Op.CONV, Conv.RUNE_TO_STRING);
            return t;
        }
        if (t.isString() && fu.kind == Type.Kind.SLICE && fu.elem.uk() == Type.Kind.UINT8) {
            emit(Op.CONV, Conv.BYTES_TO_STRING);
            return t;
        }
        if (t.isString() && fu.kind == Type.Kind.SLICE && fu.elem.uk() == Type.Kind.INT32) {
            emit(Op.CONV, Conv.RUNES_TO_STRING);
            return t;
        }
        if (from.isString() && tu.kind == Type.Kind.SLICE && tu.elem.uk() == Type.Kind.UINT8) {
            emit(Op.CONV, Conv.STRING_TO_BYTES);
            return t;
        }
        if (from.isString() && tu.kind == Type.Kind.SLICE && tu.elem.uk() == Type.Kind.INT32) {
            emit(Op.CONV, Conv.STRING_TO_RUNES);
            return t;
        }
        if (Type.identical(fu, tu) || (fu.kind == Type.Kind.POINTER && tu.kind == Type.Kind.POINTER
                && Type.identical(fu.elem.u(), tu.elem.u()))) {
            if (t.isAggregate() && needsCopy(x)) emit(Op.COPY);
            return t;
        }
        if (fu.kind == Type.Kind.CHAN && tu.kind == Type.Kind.CHAN && Type.identical(fu.elem, tu.elem)) return t;
        err(c, "cannot convert " + describe(x, from) + " to type " + t);
        return INVALID;
    }

    private Type builtin(Call c, String name) {
        List<Expr> a = c.args;
        switch (name) {
            case "len", "cap": {
                if (a.size() != 1) return argCount(c, name, a.size() < 1);
                Type t = single(a.get(0), null);
                if (t == INVALID) return Type.INT;
                Type.Kind k = t.uk();
                if (k == Type.Kind.POINTER && t.u().elem.uk() == Type.Kind.ARRAY) k = Type.Kind.ARRAY;
                boolean ok = name.equals("len") ? (t.isString() || k == Type.Kind.SLICE || k == Type.Kind.ARRAY
                        || k == Type.Kind.MAP || k == Type.Kind.CHAN) : (k == Type.Kind.SLICE || k == Type.Kind.ARRAY || k == Type.Kind.CHAN);
                if (!ok) err(a.get(0), "invalid argument: " + describe(a.get(0), t) + " for " + name);
                emit(name.equals("len") ? Op.LEN : Op.CAP);
                return Type.INT;
            }
            case "append": {
                if (a.isEmpty()) return argCount(c, name, true);
                Type st = single(a.get(0), null);
                if (st == INVALID) return INVALID;
                if (st.uk() != Type.Kind.SLICE) {
                    if (st.kind == Type.Kind.UNTYPED_NIL) err(a.get(0), "first argument to append must be a typed slice; have untyped nil");
                    else err(a.get(0), "invalid argument: " + describe(a.get(0), st) + " is not a slice");
                    return INVALID;
                }
                Type elem = st.u().elem;
                if (c.ellipsis) {
                    if (a.size() != 2) return argCount(c, name, a.size() < 2);
                    Type tt = single(a.get(1), st);
                    if (!(tt.isString() && elem.uk() == Type.Kind.UINT8) && assignable(tt, st) != null && tt != INVALID
                            && !(tt.uk() == Type.Kind.SLICE && Type.identical(tt.u().elem, elem))) {
                        err(a.get(1), "cannot use " + describe(a.get(1), tt) + " as " + st + " value in argument to append");
                    }
                    emit(Op.APPENDSLICE);
                    return st;
                }
                for (int i = 1; i < a.size(); i++) {
                    exprTo(a.get(i), elem, "argument to append");
                    emit(Op.APPEND);
                }
                return st;
            }
            case "make": {
                if (a.isEmpty()) return argCount(c, name, true);
                Type t = resolveType(a.get(0));
                if (t == INVALID) return INVALID;
                switch (t.uk()) {
                    case SLICE -> {
                        if (a.size() < 2) {
                            err(c, "invalid operation: " + ExprString.of(c) + " expects 2 or 3 arguments; found " + a.size());
                            return t;
                        }
                        if (a.size() > 3) return argCount(c, name, false);
                        sizeArg(a.get(1));
                        if (a.size() == 3) sizeArg(a.get(2));
                        else emit(Op.DUP);
                        emit(Op.MAKESLICE, constant(t));
                    }
                    case MAP -> {
                        if (a.size() > 2) return argCount(c, name, false);
                        if (a.size() == 2) {
                            sizeArg(a.get(1));
                            emit(Op.POP);
                        }
                        emit(Op.MAKEMAP, constant(t));
                    }
                    case CHAN -> {
                        if (a.size() > 2) return argCount(c, name, false);
                        if (a.size() == 2) sizeArg(a.get(1));
                        else emitConst(0L);
                        emit(Op.MAKECHAN);
                    }
                    default -> {
                        err(a.get(0), "invalid argument: cannot make " + ExprString.of(a.get(0)) + "; type must be slice, map, or channel");
                        return INVALID;
                    }
                }
                return t;
            }
            case "new": {
                if (a.size() != 1) return argCount(c, name, a.isEmpty());
                Type t = resolveType(a.get(0));
                emitZero(t);
                if (!t.isAggregate()) emit(Op.NEWCELL);
                return Type.pointer(t);
            }
            case "delete": {
                if (a.size() != 2) return argCount(c, name, a.size() < 2);
                Type mt = single(a.get(0), null);
                if (mt.uk() != Type.Kind.MAP) {
                    if (mt != INVALID) err(a.get(0), "invalid argument: " + describe(a.get(0), mt) + " is not a map");
                    return VOID;
                }
                exprTo(a.get(1), mt.u().key, "argument to delete");
                emit(Op.DELETE);
                return VOID;
            }
            case "copy": {
                if (a.size() != 2) return argCount(c, name, a.size() < 2);
                single(a.get(0), null);
                single(a.get(1), null);
                emit(Op.COPYSLICE);
                return Type.INT;
            }
            case "panic": {
                if (a.size() != 1) return argCount(c, name, a.isEmpty());
                exprTo(a.get(0), Type.ANY, "argument to panic");
                emit(Op.PANIC);
                return VOID;
            }
            case "recover": {
                if (!a.isEmpty()) return argCount(c, name, false);
                emit(Op.RECOVER);
                return Type.ANY;
            }
            case "close": {
                if (a.size() != 1) return argCount(c, name, a.isEmpty());
                Type t = single(a.get(0), null);
                if (t != INVALID && t.uk() != Type.Kind.CHAN) {
                    err(a.get(0), "invalid operation: non-chan argument " + ExprString.of(a.get(0)) + " (variable of type " + t + ")");
                } else if (t != INVALID && t.u().dir == Type.RECV) {
                    err(a.get(0), "invalid operation: cannot close receive-only channel " + describe(a.get(0), t));
                }
                emit(Op.CLOSE);
                return VOID;
            }
            case "print", "println": {
                for (Expr x : a) exprTo(x, Type.ANY, "argument to " + name);
                emit(Op.SLICELIT, constant(Type.slice(Type.ANY)), a.size());
                emit(Op.CALLN, constant(name.equals("print") ? PRINT : PRINTLN), 1);
                return VOID;
            }
            default:
                err(c, "not supported by GMP Lab: builtin " + name);
                return INVALID;
        }
    }

    private void sizeArg(Expr e) {
        Type t = single(e, Type.INT);
        if (t != INVALID && !t.isInteger() && !(t.isUntyped() && t.isNumeric())) {
            err(e, "cannot convert " + describe(e, t) + " to type int");
        }
        Const cv = cexpr(e);
        if (cv != null && toBigInt(cv.value()) != null && toBigInt(cv.value()).signum() < 0) {
            err(e, "invalid argument: index " + ExprString.of(e) + " (constant of type int) must not be negative");
        }
    }

    private Type argCount(Call c, String name, boolean tooFew) {
        err(c, (tooFew ? "not enough" : "too many") + " arguments for " + ExprString.of(c) + " (expected "
                + switch (name) {
                    case "len", "cap", "new", "panic", "close" -> 1;
                    case "delete", "copy" -> 2;
                    case "recover" -> 0;
                    default -> 1;
                } + ", found " + c.args.size() + ")");
        return INVALID;
    }

    /**
     * For {@code go} and {@code defer}: pushes the function value to call and its
     * arguments (evaluated now, as Go does); returns the argument count.
     */
    int callableAndArgs(Call c) {
        Expr f = c.fun;
        while (f instanceof Paren p) f = p.x;
        switch (calleeKind(c)) {
            case BUILTIN: {
                String name = ((Ident) f).name;
                switch (name) {
                    case "close" -> {
                        emitConst(new NativeFn(CLOSE, new Object[0]));
                        single(c.args.get(0), null);
                        return 1;
                    }
                    case "panic" -> {
                        emitConst(new NativeFn(PANIC, new Object[0]));
                        exprTo(c.args.get(0), Type.ANY, "argument to panic");
                        return 1;
                    }
                    case "print", "println" -> {
                        emitConst(new NativeFn(name.equals("print") ? PRINT : PRINTLN, new Object[0]));
                        for (Expr x : c.args) exprTo(x, Type.ANY, "argument to " + name);
                        emit(Op.SLICELIT, constant(Type.slice(Type.ANY)), c.args.size());
                        return 1;
                    }
                    default -> {
                        // recover(), delete(...), etc.: wrap the whole call in a closure-free thunk
                        err(c, "not supported by GMP Lab: go/defer of builtin " + name + " (wrap it in a func literal)");
                        return 0;
                    }
                }
            }
            case CONVERSION:
                err(c, "defer requires function call, not conversion");
                return 0;
            case NATIVE: {
                Selector sel = (Selector) f;
                Symbol p = scope.lookup(((Ident) sel.x).name);
                usedImports.add(p);
                Symbol m = p.pkg.members.get(sel.sel.name);
                emitConst(new NativeFn(m.nat, new Object[0]));
                return args(c, m.type, 0, ExprString.of(sel));
            }
            case STATIC: {
                Symbol s = scope.lookup(((Ident) f).name);
                emitConst(new Values.Closure(s.code, new Object[0]));
                return args(c, s.type, 0, s.name);
            }
            case METHOD: {
                Selector sel = (Selector) f;
                Type tx = selectOwner(sel);
                Type.Method m = tx.method(sel.sel.name);
                prepareReceiver(sel.x, tx, m);
                emit(Op.BINDM, m.code != null ? constant(m.code) : constant(m.nat));
                return args(c, m.sig, 0, ExprString.of(sel));
            }
            case IFACE: {
                Selector sel = (Selector) f;
                Type tx = selectOwner(sel);
                emit(Op.BINDI, constant(sel.sel.name));
                return args(c, tx.u().imethods.get(sel.sel.name), 0, ExprString.of(sel));
            }
            default: {
                Type ft = single(f, null);
                if (ft == INVALID) return 0;
                if (ft.uk() != Type.Kind.FUNC) {
                    err(c, "invalid operation: cannot call non-function " + describe(f, ft));
                    return 0;
                }
                return args(c, ft.u(), 0, ExprString.of(f));
            }
        }
    }
}
