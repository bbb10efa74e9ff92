package gmplab.golang;

import gmplab.golang.Ast.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Go-subset compiler: declarations and statements. It type-checks as it
 * generates code (one pass per function body, after all package-level names are
 * known), reporting errors in gc's words; see {@link ExprCompiler} for expressions.
 */
final class Compiler extends ExprCompiler {
    private final List<FuncCode> inits = new ArrayList<>();
    private FuncCode mainCode;
    private String topName = "main";

    Compiler(Diagnostics diags) {
        super(diags);
    }

    /** The result of a successful compilation; {@code globals} maps package-level variable names (source order) to their slots. */
    record Output(FuncCode entry, int nglobals, int requestedProcs, Map<String, Global> globals) { }

    /** A package-level variable: its index in {@link Program#globals} and its declared type. */
    record Global(int slot, Type type) { }

    /** {@code runtime.GOMAXPROCS(n)} with a constant n at the top of main, before any go statement; 0 if none. */
    private int requestedProcs;

    static Output compile(String file, String source) throws GoCompileException {
        Diagnostics d = new Diagnostics(file);
        File f = Parser.parse(source, d);
        Compiler c = new Compiler(d);
        Output out = null;
        if (!d.hasErrors()) {
            Type.UNQUALIFIED_MAIN.set(true);
            try {
                out = c.compileFile(f);
            } catch (RuntimeException e) {
                if (!d.hasErrors()) throw e;
            } finally {
                Type.UNQUALIFIED_MAIN.set(false);
            }
        }
        if (d.hasErrors()) throw new GoCompileException(sortErrors(d.errors()));
        return out;
    }

    private static List<String> sortErrors(List<String> errors) {
        List<String> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> {
            int[] pa = pos(a), pb = pos(b);
            return pa[0] != pb[0] ? Integer.compare(pa[0], pb[0]) : Integer.compare(pa[1], pb[1]);
        });
        return sorted;
    }

    private static int[] pos(String e) {
        String[] parts = e.split(":");
        try {
            return new int[]{Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (RuntimeException ex) {
            return new int[]{0, 0};
        }
    }

    // ---------------------------------------------------------------- package level

    private Output compileFile(File f) {
        if (!f.pkg.equals("main")) err(f, "package " + f.pkg + " is not a main package (GMP Lab runs package main)");
        scope = pkgScope;
        for (ImportSpec is : f.imports) {
            Natives.Pkg p = NativePackages.lookup(is.path);
            if (p == null) {
                err(is, "not supported by GMP Lab: package " + is.path);
                continue;
            }
            String name = is.alias != null ? is.alias.name : p.name;
            Symbol s = new Symbol(Symbol.Kind.PKG, name, null);
            s.pkg = p;
            s.line = is.line;
            s.col = is.col;
            if (pkgScope.lookupLocal(name) != null) err(is, name + " redeclared in this block");
            pkgScope.declare(s);
            importSyms.put(is.path + (is.alias != null ? " as " + is.alias.name : ""), s);
        }
        // types first, so everything else can refer to them
        List<TypeSpec> typeSpecs = new ArrayList<>();
        for (Node d : f.decls) {
            if (d instanceof GenDecl g && g.kind == Tok.TYPE) {
                for (Node n : g.specs) typeSpecs.add((TypeSpec) n);
            }
        }
        declareTypes(typeSpecs, "main");
        // the package-level initializer function
        FuncCode initCode = new FuncCode("$init");
        FuncState initFs = new FuncState(null, initCode, Type.func(List.of(), List.of(), false));
        fs = initFs;
        // function signatures and methods
        List<FuncDecl> funcs = new ArrayList<>();
        for (Node d : f.decls) if (d instanceof FuncDecl fd) funcs.add(fd);
        for (FuncDecl fd : funcs) declareFunc(fd);
        // constants and variables, in source order
        List<ValueSpec> globalVars = new ArrayList<>();
        for (Node d : f.decls) {
            if (d instanceof GenDecl g && g.kind == Tok.CONST) {
                for (Node n : g.specs) constSpec((ValueSpec) n);
            } else if (d instanceof GenDecl g && g.kind == Tok.VAR) {
                for (Node n : g.specs) globalVars.add((ValueSpec) n);
            }
        }
        // variables in initialization order, so each initializer's type is known
        List<ValueSpec> ordered = initOrder(globalVars, funcs);
        for (ValueSpec vs : ordered) declareGlobals(vs);
        // initializers
        fs = initFs;
        scope = pkgScope;
        for (ValueSpec vs : ordered) initGlobals(vs);
        emit(Op.RET, 0);
        finish(initFs);
        // bodies
        for (FuncDecl fd : funcs) compileFuncDecl(fd);
        // unused imports
        for (var e : importSyms.entrySet()) {
            Symbol s = e.getValue();
            if (!usedImports.contains(s)) {
                String path = e.getKey().contains(" as ") ? e.getKey().substring(0, e.getKey().indexOf(" as ")) : e.getKey();
                String alias = e.getKey().contains(" as ") ? e.getKey().substring(e.getKey().indexOf(" as ") + 4) : null;
                diags.error(s.line, s.col, "imported and not used: \"" + path + "\"" + (alias != null ? " as " + alias : ""));
            }
        }
        if (mainCode == null) {
            diags.error(f.line, f.col, "function main is undeclared in the main package");
            return null;
        }
        // entry: initialise globals, run init functions, then main.main
        FuncCode entry = new FuncCode("$entry");
        FuncState efs = new FuncState(null, entry, Type.func(List.of(), List.of(), false));
        fs = efs;
        emit(Op.CALL, constant(initCode), 0);
        for (FuncCode ic : inits) emit(Op.CALL, constant(ic), 0);
        emit(Op.CALL, constant(mainCode), 0);
        emit(Op.RET, 0);
        finish(efs);
        return new Output(entry, nglobals, requestedProcs, globalsByName(globalVars));
    }

    /** The declared package-level variables by name, in source order (slots follow initialization order). */
    private static Map<String, Global> globalsByName(List<ValueSpec> specs) {
        Map<String, Global> globals = new LinkedHashMap<>();
        for (ValueSpec vs : specs) {
            for (Ident id : vs.names) {
                if (!id.name.equals("_") && id.sym != null) globals.put(id.name, new Global(id.sym.slot, id.sym.type));
            }
        }
        return Collections.unmodifiableMap(globals);
    }

    /**
     * Package variables in Go's initialization order: repeatedly the earliest variable
     * (in source order) whose initializer refers to no uninitialized variable, directly
     * or through the functions it calls.
     */
    private static List<ValueSpec> initOrder(List<ValueSpec> specs, List<FuncDecl> funcs) {
        java.util.Map<String, FuncDecl> byName = new java.util.HashMap<>();
        for (FuncDecl fd : funcs) if (fd.recv == null && fd.body != null) byName.put(fd.name.name, fd);
        java.util.Map<String, ValueSpec> owner = new java.util.HashMap<>();
        for (ValueSpec vs : specs) for (Ident id : vs.names) owner.put(id.name, vs);
        java.util.Map<ValueSpec, java.util.Set<ValueSpec>> deps = new java.util.HashMap<>();
        for (ValueSpec vs : specs) {
            java.util.Set<String> names = CaptureScan.idents(vs.values);
            java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(names);
            java.util.Set<String> seenFuncs = new java.util.HashSet<>();
            while (!work.isEmpty()) {
                String n = work.pop();
                FuncDecl fd = byName.get(n);
                if (fd != null && seenFuncs.add(n)) {
                    for (String m : CaptureScan.idents(fd.body)) if (names.add(m)) work.push(m);
                }
            }
            java.util.Set<ValueSpec> d = new java.util.HashSet<>();
            for (String n : names) {
                ValueSpec o = owner.get(n);
                if (o != null && o != vs) d.add(o);
            }
            deps.put(vs, d);
        }
        List<ValueSpec> order = new ArrayList<>();
        java.util.Set<ValueSpec> done = new java.util.HashSet<>();
        while (order.size() < specs.size()) {
            ValueSpec pick = null;
            for (ValueSpec vs : specs) {
                if (!done.contains(vs) && done.containsAll(deps.get(vs))) {
                    pick = vs;
                    break;
                }
            }
            if (pick == null) {
                for (ValueSpec vs : specs) if (!done.contains(vs)) { pick = vs; break; }
            }
            order.add(pick);
            done.add(pick);
        }
        return order;
    }

    private void declareTypes(List<TypeSpec> specs, String pkg) {
        List<Type> created = new ArrayList<>();
        for (TypeSpec ts : specs) {
            if (scope.lookupLocal(ts.name.name) != null) {
                err(ts.name, ts.name.name + " redeclared in this block");
            }
            if (ts.alias) {
                created.add(null);
                continue;
            }
            Type t = Type.named(ts.name.name, pkg, null);
            created.add(t);
            scope.declare(Symbol.typeName(ts.name.name, t));
        }
        for (int i = 0; i < specs.size(); i++) {
            TypeSpec ts = specs.get(i);
            if (ts.alias) {
                scope.declare(Symbol.typeName(ts.name.name, resolveType(ts.typeExpr)));
                continue;
            }
            Type t = created.get(i);
            Type under = resolveType(ts.typeExpr);
            if (under == t) {
                err(ts.name, "invalid recursive type " + ts.name.name);
                under = INVALID;
            }
            t.underlying = under.isNamed() && under != INVALID ? under.u() : under;
            if (under.isNamed() && under.isInterface()) t.underlying = under.u();
        }
        checkRecursiveTypes(specs, created);
    }

    /** Reports types that contain themselves by value ({@code type T struct{ next T }}), as gc does. */
    private void checkRecursiveTypes(List<TypeSpec> specs, List<Type> created) {
        java.util.Map<Type, Ident> declaredAt = new java.util.IdentityHashMap<>();
        for (int i = 0; i < specs.size(); i++) if (created.get(i) != null) declaredAt.put(created.get(i), specs.get(i).name);
        java.util.Set<Type> broken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < specs.size(); i++) {
            Type t = created.get(i);
            if (t == null || broken.contains(t)) continue;
            List<Type> cycle = findCycle(t, t, new ArrayList<>(), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            if (cycle == null) continue;
            StringBuilder msg = new StringBuilder("invalid recursive type " + t.name);
            for (Type c : cycle) {
                Ident at = declaredAt.get(c);
                msg.append("\n\t").append(diags.file()).append(':').append(at == null ? 0 : at.line).append(':')
                        .append(at == null ? 0 : at.col).append(": ").append(c.name).append(" refers to");
            }
            Ident first = declaredAt.get(t);
            msg.append("\n\t").append(diags.file()).append(':').append(first.line).append(':').append(first.col).append(": ").append(t.name);
            err(first, msg.toString());
            for (Type c : cycle) {
                c.underlying = INVALID;
                broken.add(c);
            }
        }
    }

    /** A path of named types from {@code start} back to {@code target} through fields and array elements. */
    private static List<Type> findCycle(Type target, Type cur, List<Type> path, java.util.Set<Type> seen) {
        if (cur == null || cur == INVALID) return null;
        if (cur.isNamed()) {
            if (!path.isEmpty() && cur == target) return path;
            if (!seen.add(cur)) return null;
            path.add(cur);
            List<Type> r = findCycle(target, cur.underlying, path, seen);
            if (r != null) return r;
            path.remove(path.size() - 1);
            return null;
        }
        if (cur.kind == Type.Kind.STRUCT) {
            for (Type f : cur.types) {
                List<Type> r = findCycle(target, f, path, seen);
                if (r != null) return r;
            }
        } else if (cur.kind == Type.Kind.ARRAY) {
            return findCycle(target, cur.elem, path, seen);
        }
        return null;
    }

    private void declareFunc(FuncDecl fd) {
        if (fd.body == null) err(fd.name, "missing function body");
        List<String> names = new ArrayList<>();
        Type sig = signature(fd.sig, names);
        if (fd.recv == null) {
            String name = fd.name.name;
            if (name.equals("init")) {
                if (!fd.sig.params.isEmpty() || !fd.sig.results.isEmpty()) err(fd.name, "func init must have no arguments and no return values");
                FuncCode code = new FuncCode("main.init." + (inits.size()));
                inits.add(code);
                fd.name.sym = new Symbol(Symbol.Kind.FUNC, "init", sig);
                fd.name.sym.code = code;
                return;
            }
            if (name.equals("main") && (!fd.sig.params.isEmpty() || !fd.sig.results.isEmpty())) {
                err(fd.name, "func main must have no arguments and no return values");
            }
            if (pkgScope.lookupLocal(name) != null) {
                Symbol prev = pkgScope.lookupLocal(name);
                err(fd.name, redeclared(name, prev.line, prev.col));
                return;
            }
            Symbol s = new Symbol(Symbol.Kind.FUNC, name, sig);
            s.line = fd.name.line;
            s.col = fd.name.col;
            s.code = new FuncCode("main." + name);
            fd.name.sym = s;
            pkgScope.declare(s);
            if (name.equals("main")) mainCode = s.code;
            return;
        }
        Expr rt = fd.recv.typeExpr;
        boolean ptr = false;
        if (rt instanceof Star st) {
            ptr = true;
            rt = st.x;
        }
        Type base = rt instanceof Ident id && pkgScope.lookupLocal(id.name) != null
                && pkgScope.lookupLocal(id.name).kind == Symbol.Kind.TYPE ? pkgScope.lookupLocal(id.name).type : null;
        if (base == null || !base.isNamed() || !"main".equals(base.pkg)) {
            err(fd.recv.typeExpr, base == null ? "undefined: " + ExprString.of(rt)
                    : "cannot define new methods on non-local type " + base);
            return;
        }
        if (base.uk() == Type.Kind.POINTER || base.isInterface()) {
            err(fd.recv.typeExpr, "invalid receiver type " + base + " (pointer or interface type)");
            return;
        }
        String mname = fd.name.name;
        if (base.methods.containsKey(mname)) {
            err(fd.name, "method " + base.name + "." + mname + " already declared");
            return;
        }
        if (base.uk() == Type.Kind.STRUCT && base.fieldIndex(mname) >= 0) {
            err(fd.name, "field and method with the same name " + mname);
            return;
        }
        Type.Method m = new Type.Method(mname, sig, ptr);
        m.code = new FuncCode(ptr ? "main.(*" + base.name + ")." + mname : "main." + base.name + "." + mname);
        base.methods.put(mname, m);
        fd.name.sym = new Symbol(Symbol.Kind.FUNC, mname, sig);
        fd.name.sym.code = m.code;
    }

    private void constSpec(ValueSpec vs) {
        Type declared = vs.typeExpr == null ? null : resolveType(vs.typeExpr);
        if (vs.values.size() < vs.names.size() && !vs.values.isEmpty()) {
            err(vs.names.get(vs.values.size()), "missing init expr for const declaration");
        } else if (vs.values.size() > vs.names.size()) {
            err(vs.values.get(vs.names.size()), "extra init expr");
        }
        int saved = iota;
        iota = vs.iota;
        for (int i = 0; i < vs.names.size(); i++) {
            Ident id = vs.names.get(i);
            Object v = BigInteger.ZERO;
            Type t = declared != null ? declared : Type.UNTYPED_INT;
            if (i < vs.values.size()) {
                Expr e = vs.values.get(i);
                Const c = cexpr(e);
                if (c == null) {
                    // compile (and discard) to report what is wrong with it: undefined names, calls …
                    int save = fs.n;
                    int errorsBefore = diags.count();
                    Type et = single(e, null);
                    fs.n = save;
                    if (et != INVALID && diags.count() == errorsBefore) err(e, describe(e, et) + " is not constant");
                    t = INVALID;
                } else {
                    v = c.value();
                    t = c.type();
                    if (declared != null && declared != INVALID) {
                        if (assignable(c.type(), declared) != null) {
                            err(e, "cannot use " + describe(e, c.type()) + " as " + declared + " value in constant declaration");
                        } else if (declared.isInteger() && toBigInt(v) != null && !fits(toBigInt(v), declared)) {
                            err(e, "cannot use " + ExprString.of(e) + " (untyped int constant " + v + ") as " + declared
                                    + " value in constant declaration (overflows)");
                        } else if (declared.isFloat() && v instanceof BigInteger bi) {
                            v = new java.math.BigDecimal(bi);
                        }
                        t = declared;
                    }
                }
            }
            if (id.name.equals("_")) continue;
            Symbol s = Symbol.constant(id.name, t, v);
            s.line = id.line;
            s.col = id.col;
            s.used = true;
            if (scope.lookupLocal(id.name) != null) err(id, id.name + " redeclared in this block");
            scope.declare(s);
        }
        iota = saved;
    }

    private void declareGlobals(ValueSpec vs) {
        Type declared = vs.typeExpr == null ? null : resolveType(vs.typeExpr);
        List<Type> types = valueTypes(vs, declared);
        for (int i = 0; i < vs.names.size(); i++) {
            Ident id = vs.names.get(i);
            Symbol s = new Symbol(Symbol.Kind.VAR, id.name, types.get(i));
            s.global = true;
            s.slot = nglobals++;
            s.used = true;
            s.line = id.line;
            s.col = id.col;
            id.sym = s;
            if (id.name.equals("_")) continue;
            if (pkgScope.lookupLocal(id.name) != null) err(id, id.name + " redeclared in this block");
            pkgScope.declare(s);
        }
    }

    /** The types of the variables of a var spec (from the declared type or the initializers). */
    private List<Type> valueTypes(ValueSpec vs, Type declared) {
        List<Type> types = new ArrayList<>();
        if (declared != null) {
            for (int i = 0; i < vs.names.size(); i++) types.add(declared);
            return types;
        }
        if (vs.values.size() == 1 && vs.names.size() > 1) {
            Type t = commaOkType(vs.values.get(0), vs.names.size());
            for (int i = 0; i < vs.names.size(); i++) {
                types.add(t.kind == Type.Kind.TUPLE && i < t.types.size() ? t.types.get(i) : INVALID);
            }
            return types;
        }
        for (int i = 0; i < vs.names.size(); i++) {
            if (i < vs.values.size()) {
                Type t = typeOf(vs.values.get(i));
                if (t.kind == Type.Kind.UNTYPED_NIL) {
                    err(vs.values.get(i), "use of untyped nil in variable declaration");
                    t = INVALID;
                }
                types.add(t.isUntyped() ? t.defaultType() : t);
            } else {
                types.add(INVALID);
            }
        }
        return types;
    }

    private void initGlobals(ValueSpec vs) {
        List<Symbol> syms = new ArrayList<>();
        for (Ident id : vs.names) syms.add(id.sym);
        initVars(vs, syms);
    }

    /** Emits the initial values of a var spec's variables (declared in {@code syms}). */
    private void initVars(ValueSpec vs, List<Symbol> syms) {
        at(vs);
        int n = syms.size();
        if (vs.values.isEmpty()) {
            for (Symbol s : syms) {
                if (s.name.equals("_")) continue;
                emitZero(s.type);
                initVar(s);
            }
            return;
        }
        if (vs.values.size() == 1 && n > 1) {
            Type t = multiValue(vs.values.get(0), n);
            for (int i = n - 1; i >= 0; i--) {
                Symbol s = syms.get(i);
                Type vt = t.kind == Type.Kind.TUPLE && i < t.types.size() ? t.types.get(i) : INVALID;
                storeNew(s, vt, null);
            }
            return;
        }
        if (vs.values.size() != n) {
            err(vs, "assignment mismatch: " + n + " variable" + (n > 1 ? "s" : "") + " but " + vs.values.size() + " value" + (vs.values.size() > 1 ? "s" : ""));
            return;
        }
        for (int i = 0; i < n; i++) exprTo(vs.values.get(i), syms.get(i).type, "variable declaration");
        for (int i = n - 1; i >= 0; i--) {
            Symbol s = syms.get(i);
            if (s.name.equals("_")) emit(Op.POP);
            else initVar(s);
        }
    }

    private void storeNew(Symbol s, Type vt, Expr e) {
        if (s.name.equals("_")) {
            emit(Op.POP);
            return;
        }
        String why = assignable(vt, s.type);
        if (why != null) err(e != null ? e : new Ident(new Token(Tok.IDENT, s.name, s.line, s.col)),
                "cannot use value of type " + vt + " as " + s.type + " value in assignment" + why);
        else if (s.type.isInterface() && !vt.isInterface() && vt != INVALID) emit(Op.BOX, constant(vt.isUntyped() ? vt.defaultType() : vt));
        initVar(s);
    }

    /** The result types of a multi-value expression (call or comma-ok form) without emitting code. */
    private Type commaOkType(Expr e, int n) {
        int save = fs.n;
        boolean wasDry = dry;
        dry = true;
        try {
            return multiValue(e, n);
        } finally {
            dry = wasDry;
            fs.n = save;
        }
    }

    /**
     * Compiles an expression expected to yield {@code n} values: a call with n results or,
     * for n == 2, a comma-ok map index, type assertion or receive.
     */
    Type multiValue(Expr e, int n) {
        Expr u = e;
        while (u instanceof Paren p) u = p.x;
        if (n == 2) {
            if (u instanceof Index ix) {
                Type tc = typeOf(ix.x);
                if (tc.uk() == Type.Kind.MAP) {
                    single(ix.x, null);
                    exprTo(ix.index, tc.u().key, "map index");
                    emit(Op.MINDEXOK, constant(tc.u().elem));
                    return Type.tuple(List.of(tc.u().elem, Type.BOOL));
                }
            }
            if (u instanceof TypeAssert ta && ta.typeExpr != null) return typeAssertOk(ta);
            if (u instanceof Unary un && un.op == Tok.ARROW) {
                Type ct = single(un.x, null);
                if (ct.uk() != Type.Kind.CHAN) {
                    if (ct != INVALID) err(un, "invalid operation: cannot receive from non-channel " + describe(un.x, ct));
                    return Type.tuple(List.of(INVALID, Type.BOOL));
                }
                emit(Op.RECVOK, constant(ct.u().elem));
                return Type.tuple(List.of(ct.u().elem, Type.BOOL));
            }
        }
        Type t = expr(e, null);
        if (t == INVALID) return Type.tuple(java.util.Collections.nCopies(n, INVALID));
        int got = t.kind == Type.Kind.TUPLE ? t.types.size() : 1;
        if (got != n) {
            err(e, "assignment mismatch: " + n + " variable" + (n > 1 ? "s" : "") + " but " + ExprString.of(u instanceof Call uc ? uc.fun : e)
                    + (u instanceof Call ? " returns " : " is ") + got + " value" + (got != 1 ? "s" : ""));
            for (int i = 0; i < got; i++) emit(Op.POP);
            for (int i = 0; i < n; i++) emit(Op.NIL);
            return Type.tuple(java.util.Collections.nCopies(n, INVALID));
        }
        return t;
    }

    // ---------------------------------------------------------------- functions

    private void compileFuncDecl(FuncDecl fd) {
        if (fd.name.sym == null || fd.body == null) return;
        if (fd.recv == null && fd.name.name.equals("main")) scanGomaxprocs(fd.body);
        topName = fd.recv == null ? "main." + fd.name.name : fd.name.sym.code.name;
        closureCount = 0;
        List<String> names = new ArrayList<>();
        Type sig = fd.name.sym.type;
        FuncState f = new FuncState(null, fd.name.sym.code, sig);
        scope = pkgScope;
        compileBody(f, fd.recv, fd.sig, sig, fd.body);
    }

    private void scanGomaxprocs(Block body) {
        scope = pkgScope;
        for (Stmt st : body.stmts) {
            if (st instanceof GoStmt) return;
            if (st instanceof ExprStmt es && es.x instanceof Call c && c.fun instanceof Selector sel
                    && sel.sel.name.equals("GOMAXPROCS") && sel.x instanceof Ident pid && c.args.size() == 1) {
                Symbol p = pkgScope.lookup(pid.name);
                if (p != null && p.kind == Symbol.Kind.PKG && p.pkg.path.equals("runtime")
                        && constValueOf(c.args.get(0)) instanceof BigInteger n && n.signum() > 0 && n.intValue() <= 1024) {
                    requestedProcs = n.intValue();
                    return;
                }
            }
        }
    }

    @Override
    Type funcLit(FuncLit fl) {
        Type sig = signature(fl.sig, null);
        String name = (fs.parent == null ? topName + ".func" : fs.code.name + ".") + (++closureCount);
        FuncState child = new FuncState(fs, new FuncCode(name), sig);
        FuncState parent = fs;
        Scope savedScope = scope;
        compileBody(child, null, fl.sig, sig, fl.body);
        fs = parent;
        scope = savedScope;
        at(fl);
        for (Symbol s : child.free) {
            if (!pushCell(s)) {
                err(fl, "internal error: captured variable " + s.name + " is not boxed");
                emit(Op.NIL);
            }
        }
        emit(Op.CLOSURE, constant(child.code), child.free.size());
        return sig;
    }

    private void compileBody(FuncState f, Field recv, FuncTypeExpr sigExpr, Type sig, Block body) {
        FuncState savedFs = fs;
        fs = f;
        f.cellNames = CaptureScan.scan(body);
        scope = new Scope(scope);
        at(body);
        List<Integer> cellParams = new ArrayList<>();
        int nparams = 0;
        if (recv != null) {
            Type rt = resolveType(recv.typeExpr);
            Ident rid = recv.names.isEmpty() ? new Ident(new Token(Tok.IDENT, "_", recv.line, recv.col)) : recv.names.get(0);
            Symbol s = declareLocal(rid, rt);
            s.used = true;
            if (s.cell) cellParams.add(s.slot);
            nparams++;
        }
        int pi = 0;
        for (Field p : sigExpr.params) {
            int count = Math.max(1, p.names.size());
            for (int k = 0; k < count; k++) {
                Ident id = p.names.isEmpty() ? new Ident(new Token(Tok.IDENT, "_", p.line, p.col)) : p.names.get(k);
                Symbol s = declareLocal(id, sig.types.get(pi++));
                s.used = true;
                if (s.cell) cellParams.add(s.slot);
                nparams++;
            }
        }
        int ri = 0;
        List<Boolean> cellResults = new ArrayList<>();
        for (Field r : sigExpr.results) {
            int count = Math.max(1, r.names.size());
            for (int k = 0; k < count; k++) {
                Ident id = r.names.isEmpty() ? new Ident(new Token(Tok.IDENT, "_", r.line, r.col)) : r.names.get(k);
                Symbol s = declareLocal(id, sig.results.get(ri++));
                s.used = true;
                f.results.add(s);
                cellResults.add(s.cell);
            }
        }
        for (Symbol s : f.results) {
            emitZero(s.type);
            initVar(s);
        }
        f.code.nparams = nparams;
        f.code.nresults = f.results.size();
        f.code.cellParams = cellParams.stream().mapToInt(Integer::intValue).toArray();
        f.code.cellResults = new boolean[cellResults.size()];
        for (int i = 0; i < cellResults.size(); i++) f.code.cellResults[i] = cellResults.get(i);
        Scope bodyScope = new Scope(scope);
        scope = bodyScope;
        stmts(body.stmts);
        checkUnused(bodyScope);
        scope = scope.parent;
        for (var e : f.labels.entrySet()) {
            if (!f.usedLabels.contains(e.getKey())) err(e.getValue(), "label " + e.getKey() + " defined and not used");
        }
        if (!sig.results.isEmpty() && !terminates(body)) {
            diags.error(body.rbrace.line(), body.rbrace.col(), "missing return");
        }
        at(body.rbrace == null ? body : new Empty(body.rbrace));
        emit(Op.RET, 0);
        finish(f);
        scope = scope.parent;
        fs = savedFs;
    }

    private void checkUnused(Scope s) {
        for (Symbol v : s.vars) {
            if (!v.used && !v.name.equals("_") && !v.global) {
                diags.error(v.line, v.col, v.name + " declared but not used");
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void stmts(List<Stmt> list) {
        for (Stmt s : list) stmt(s);
    }

    private void block(List<Stmt> list) {
        scope = new Scope(scope);
        stmts(list);
        checkUnused(scope);
        scope = scope.parent;
    }

    private void stmt(Stmt s) {
        at(s);
        if (s instanceof Empty) return;
        if (s instanceof Block b) block(b.stmts);
        else if (s instanceof ExprStmt es) exprStmt(es);
        else if (s instanceof SendStmt ss) send(ss);
        else if (s instanceof IncDec id) {
            Token one = new Token(Tok.INT, "1", id.line, id.col);
            assign(new Assign(tokenAt(id), List.of(id.x), id.inc ? Tok.ADD_ASSIGN : Tok.SUB_ASSIGN, List.of(new BasicLit(one))));
        } else if (s instanceof Assign a) assign(a);
        else if (s instanceof GoStmt g) {
            int argc = callableAndArgs(g.call);
            at(g);
            emit(Op.GO, argc);
        } else if (s instanceof DeferStmt d) {
            int argc = callableAndArgs(d.call);
            at(d);
            emit(Op.DEFER, argc);
        } else if (s instanceof Return r) ret(r);
        else if (s instanceof Branch b) branch(b);
        else if (s instanceof Labeled l) {
            fs.labels.putIfAbsent(l.label.name, l.label);
            fs.pendingLabel = l.label.name;
            stmt(l.stmt);
            fs.pendingLabel = null;
        } else if (s instanceof If i) ifStmt(i);
        else if (s instanceof For f) forStmt(f);
        else if (s instanceof Range r) range(r);
        else if (s instanceof Switch sw) switchStmt(sw);
        else if (s instanceof TypeSwitch ts) typeSwitch(ts);
        else if (s instanceof Select sel) select(sel);
        else if (s instanceof DeclStmt d) declStmt(d.decl);
        else err(s, "not supported by GMP Lab: statement " + s.getClass().getSimpleName());
    }

    private static Token tokenAt(Node n) {
        return new Token(Tok.IDENT, "", n.line, n.col);
    }

    private String takeLabel() {
        String l = fs.pendingLabel;
        fs.pendingLabel = null;
        return l;
    }

    private void exprStmt(ExprStmt es) {
        Expr x = es.x;
        while (x instanceof Paren p) x = p.x;
        boolean isCall = x instanceof Call;
        boolean isRecv = x instanceof Unary u && u.op == Tok.ARROW;
        if (!isCall && !isRecv) {
            Type t = typeOf(x);
            if (t != INVALID) err(es.x, describe(es.x, t) + " is not used");
            return;
        }
        if (isCall) {
            Call c = (Call) x;
            CalleeKind k = calleeKind(c);
            if (k == CalleeKind.CONVERSION) {
                Type t = typeOf(x);
                err(es.x, describe(es.x, t) + " is not used");
                return;
            }
            if (k == CalleeKind.BUILTIN) {
                String name = ((Ident) (c.fun instanceof Paren p ? p.x : c.fun)).name;
                if (List.of("len", "cap", "append", "make", "new").contains(name)) {
                    Type t = typeOf(x);
                    err(es.x, describe(es.x, t) + " is not used");
                    return;
                }
            }
        }
        Type t = expr(x, null);
        if (t.kind == Type.Kind.TUPLE) {
            for (int i = 0; i < t.types.size(); i++) emit(Op.POP);
        } else if (t != INVALID) {
            emit(Op.POP);
        }
    }

    private void send(SendStmt ss) {
        Type ct = single(ss.chan, null);
        if (ct == INVALID) {
            typeOf(ss.value);
            return;
        }
        if (ct.uk() != Type.Kind.CHAN) {
            err(ss, "invalid operation: cannot send to non-channel " + describe(ss.chan, ct));
            return;
        }
        if (ct.u().dir == Type.RECV) err(ss, "invalid operation: cannot send to receive-only channel " + describe(ss.chan, ct));
        exprTo(ss.value, ct.u().elem, "send");
        at(ss);
        emit(Op.SEND);
    }

    // ---------------------------------------------------------------- assignment

    private void assign(Assign a) {
        if (a.op == Tok.DEFINE) {
            define(a.lhs, a.rhs, a);
            return;
        }
        if (a.op != Tok.ASSIGN) {
            if (a.lhs.size() != 1 || a.rhs.size() != 1) {
                err(a, "assignment operation " + a.op.text + " requires single-valued expressions");
                return;
            }
            Expr lhs = a.lhs.get(0);
            Binary b = new Binary(tokenAt(a), a.op.opOfAssign(), lhs, a.rhs.get(0));
            Type lt = typeOf(lhs);
            if (lt == INVALID) return;
            LValue lv = lvalue(lhs);
            if (lv == null) return;
            Type t = single(b, lt);
            if (t != INVALID && assignable(t, lt) != null) {
                err(a, cannotUse(b, t, lt, "assignment", null));
            }
            lv.store();
            return;
        }
        int n = a.lhs.size();
        if (a.rhs.size() == 1 && n > 1) {
            Type t = multiValue(a.rhs.get(0), n);
            int[] tmp = new int[n];
            for (int i = n - 1; i >= 0; i--) {
                tmp[i] = newLocal();
                emit(Op.STORE, tmp[i]);
            }
            for (int i = 0; i < n; i++) {
                Type vt = t.kind == Type.Kind.TUPLE && i < t.types.size() ? t.types.get(i) : INVALID;
                assignFromTemp(a.lhs.get(i), tmp[i], vt, a.rhs.get(0));
            }
            return;
        }
        if (a.rhs.size() != n) {
            err(a, "assignment mismatch: " + n + " variable" + (n > 1 ? "s" : "") + " but " + a.rhs.size() + " value" + (a.rhs.size() > 1 ? "s" : ""));
            return;
        }
        if (n == 1) {
            Expr lhs = a.lhs.get(0);
            if (isBlank(lhs)) {
                Type t = single(a.rhs.get(0), null);
                if (t.kind == Type.Kind.UNTYPED_NIL) err(a.rhs.get(0), "use of untyped nil in assignment");
                emit(Op.POP);
                return;
            }
            Type lt = typeOf(lhs);
            LValue lv = lvalue(lhs);
            if (lv == null) {
                typeOf(a.rhs.get(0));
                return;
            }
            exprTo(a.rhs.get(0), lt, "assignment");
            lv.store();
            return;
        }
        // parallel assignment: evaluate all right-hand sides first
        int[] tmp = new int[n];
        Type[] types = new Type[n];
        for (int i = 0; i < n; i++) {
            Type lt = isBlank(a.lhs.get(i)) ? null : typeOf(a.lhs.get(i));
            types[i] = single(a.rhs.get(i), lt);
            adapt(a.rhs.get(i), types[i], types[i]);
            tmp[i] = newLocal();
            emit(Op.STORE, tmp[i]);
        }
        for (int i = 0; i < n; i++) assignFromTemp(a.lhs.get(i), tmp[i], types[i], a.rhs.get(i));
    }

    private static boolean isBlank(Expr e) {
        return e instanceof Ident id && id.name.equals("_");
    }

    private void assignFromTemp(Expr lhs, int tmp, Type vt, Expr src) {
        if (isBlank(lhs)) return;
        Type lt = typeOf(lhs);
        LValue lv = lvalue(lhs);
        if (lv == null) return;
        emit(Op.LOAD, tmp);
        if (vt != INVALID && lt != INVALID) {
            String why = assignable(vt, lt);
            if (why != null) err(src, cannotUse(src, vt, lt, "assignment", why));
            else if (lt.isInterface() && !vt.isInterface() && vt.kind != Type.Kind.UNTYPED_NIL) emit(Op.BOX, constant(vt.isUntyped() ? vt.defaultType() : vt));
        }
        lv.store();
    }

    /** A location being assigned: its address parts are on the stack; {@link #store()} consumes them and the value. */
    private interface LValue {
        void store();
    }

    private LValue lvalue(Expr e) {
        Expr x = e;
        while (x instanceof Paren p) x = p.x;
        if (x instanceof Ident id) {
            Symbol s = scope.lookup(id.name);
            id.sym = s;
            if (s == null) {
                err(id, "undefined: " + id.name);
                return null;
            }
            if (s.kind != Symbol.Kind.VAR) {
                err(id, "cannot assign to " + id.name + " (neither addressable nor a map index expression)");
                return null;
            }
            if (s.type.isAggregate()) {
                loadVar(s);
                return () -> emit(Op.COPYINTO);
            }
            return () -> storeVar(s);
        }
        if (x instanceof Index ix) {
            Type tc = single(ix.x, null);
            Type u = tc.u();
            if (u.kind == Type.Kind.POINTER && u.elem.uk() == Type.Kind.ARRAY) u = u.elem.u();
            switch (u.kind) {
                case MAP -> {
                    exprTo(ix.index, u.key, "map index");
                    return () -> emit(Op.MSET);
                }
                case SLICE, ARRAY -> {
                    indexValue(ix.index, u.kind == Type.Kind.ARRAY ? u.length : -1);
                    return () -> emit(Op.SETINDEX);
                }
                case STRING -> {
                    err(ix, "cannot assign to " + ExprString.of(ix) + " (value of type byte)");
                    return null;
                }
                default -> {
                    if (tc != INVALID) err(ix, "invalid operation: cannot index " + describe(ix.x, tc));
                    return null;
                }
            }
        }
        if (x instanceof Selector sel) {
            Type tx;
            if (sel.x instanceof Ident pid && scope.lookup(pid.name) != null && scope.lookup(pid.name).kind == Symbol.Kind.PKG) {
                err(sel, "cannot assign to " + ExprString.of(sel) + " (neither addressable nor a map index expression)");
                return null;
            }
            tx = selectOwner(sel);
            Type base = tx.uk() == Type.Kind.POINTER ? tx.u().elem : tx;
            int fi = base.uk() == Type.Kind.STRUCT ? base.fieldIndex(sel.sel.name) : -1;
            if (fi < 0) {
                if (tx != INVALID) err(sel.sel, ExprString.of(sel) + " undefined (type " + tx + " has no field or method " + sel.sel.name + ")");
                return null;
            }
            if (tx.uk() != Type.Kind.POINTER && sel.x instanceof Index ix2 && typeOf(ix2.x).uk() == Type.Kind.MAP) {
                err(sel, "cannot assign to struct field " + ExprString.of(sel) + " in map");
                return null;
            }
            return () -> emit(Op.SETFIELD, fi);
        }
        if (x instanceof Star st) {
            Type pt = single(st.x, null);
            if (pt.uk() != Type.Kind.POINTER) {
                if (pt != INVALID) err(st, "invalid operation: cannot indirect " + describe(st.x, pt));
                return null;
            }
            if (pt.u().elem.isAggregate()) return () -> emit(Op.COPYINTO);
            return () -> emit(Op.STOREDEREF);
        }
        Type t = typeOf(x);
        err(x, "cannot assign to " + describe(x, t) + " (neither addressable nor a map index expression)");
        return null;
    }

    private void define(List<Expr> lhs, List<Expr> rhs, Node at) {
        int errorsBefore = diags.count();
        defineVars(lhs, rhs, at);
        if (diags.count() > errorsBefore) markUsed(lhs);
    }

    /** Like gc, a variable whose initialization failed is not reported as unused. */
    private void markUsed(List<? extends Expr> names) {
        for (Expr e : names) {
            if (e instanceof Ident id && scope.lookupLocal(id.name) != null) scope.lookupLocal(id.name).used = true;
        }
    }

    private void defineVars(List<Expr> lhs, List<Expr> rhs, Node at) {
        int n = lhs.size();
        for (Expr e : lhs) {
            if (!(e instanceof Ident)) {
                err(e, "non-name " + ExprString.of(e) + " on left side of :=");
                return;
            }
        }
        Type[] types = new Type[n];
        Expr[] srcs = new Expr[n];
        if (rhs.size() == 1 && n > 1) {
            Type t = multiValue(rhs.get(0), n);
            for (int i = 0; i < n; i++) {
                types[i] = t.kind == Type.Kind.TUPLE && i < t.types.size() ? t.types.get(i) : INVALID;
                srcs[i] = null;
            }
        } else if (rhs.size() != n) {
            Type t = rhs.size() == 1 ? typeOf(rhs.get(0)) : null;
            if (rhs.size() == 1 && rhs.get(0) instanceof Call) {
                int got = t != null && t.kind == Type.Kind.TUPLE ? t.types.size() : 1;
                err(rhs.get(0), "assignment mismatch: " + n + " variable" + (n > 1 ? "s" : "") + " but " + ExprString.of(((Call) rhs.get(0)).fun)
                        + " returns " + got + " value" + (got != 1 ? "s" : ""));
            } else {
                err(at, "assignment mismatch: " + n + " variable" + (n > 1 ? "s" : "") + " but " + rhs.size() + " value" + (rhs.size() > 1 ? "s" : ""));
            }
            for (Expr e : lhs) {
                Ident id = (Ident) e;
                if (!id.name.equals("_") && scope.lookupLocal(id.name) == null) {
                    Symbol s = declareLocal(id, INVALID);
                    s.used = true;
                }
            }
            return;
        } else {
            if (n == 1 && rhs.get(0) instanceof Call call) {
                Type rt = typeOf(call);
                if (rt.kind == Type.Kind.TUPLE && rt.types.size() > 1) {
                    err(call, "assignment mismatch: 1 variable but " + ExprString.of(call.fun) + " returns "
                            + rt.types.size() + " values");
                    Symbol s = declareLocal((Ident) lhs.get(0), INVALID);
                    s.used = true;
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                Ident id = (Ident) lhs.get(i);
                Symbol existing = scope.lookupLocal(id.name);
                Type hint = existing != null && existing.kind == Symbol.Kind.VAR ? existing.type : null;
                types[i] = single(rhs.get(i), hint);
                srcs[i] = rhs.get(i);
            }
        }
        boolean anyNew = false;
        for (int i = n - 1; i >= 0; i--) {
            Ident id = (Ident) lhs.get(i);
            Type vt = types[i];
            if (id.name.equals("_")) {
                emit(Op.POP);
                continue;
            }
            Symbol existing = scope.lookupLocal(id.name);
            if (existing != null && existing.kind == Symbol.Kind.VAR) {
                id.sym = existing;
                if (vt != INVALID && existing.type != INVALID) {
                    String why = assignable(vt, existing.type);
                    Expr src = srcs[i] != null ? srcs[i] : rhs.get(0);
                    if (why != null) err(src, cannotUse(src, vt, existing.type, "assignment", why));
                    else adapt(srcs[i], vt, existing.type);
                }
                storeVar(existing);
                continue;
            }
            anyNew = true;
            if (vt.kind == Type.Kind.UNTYPED_NIL) {
                err(srcs[i] != null ? srcs[i] : id, "use of untyped nil in assignment");
                vt = INVALID;
            } else if (vt.kind == Type.Kind.TUPLE) {
                vt = INVALID;
            }
            Type t = vt.isUntyped() ? vt.defaultType() : vt;
            if (srcs[i] != null) adapt(srcs[i], vt, t);
            Symbol s = declareLocal(id, t);
            initVar(s);
        }
        if (!anyNew) err(at, "no new variables on left side of :=");
    }

    // ---------------------------------------------------------------- return, branch

    private void ret(Return r) {
        List<Symbol> res = fs.results;
        int want = res.size();
        if (r.results.isEmpty()) {
            if (want > 0 && res.get(0).name.equals("_")) {
                err(r, "not enough return values\n\thave ()\n\twant " + tupleString(fs.sig.results));
            }
            emit(Op.RET, 0);
            return;
        }
        if (r.results.size() == 1 && want > 1 && r.results.get(0) instanceof Call) {
            Type t = expr(r.results.get(0), null);
            if (t == INVALID) return;
            int got = t.kind == Type.Kind.TUPLE ? t.types.size() : 1;
            if (got != want) {
                err(r.results.get(0), (got < want ? "not enough" : "too many") + " return values\n\thave " + (t.kind == Type.Kind.TUPLE ? t.toString() : "(" + t + ")")
                        + "\n\twant " + tupleString(fs.sig.results));
                return;
            }
            int[] tmp = new int[want];
            for (int i = want - 1; i >= 0; i--) {
                tmp[i] = newLocal();
                emit(Op.STORE, tmp[i]);
            }
            for (int i = 0; i < want; i++) {
                emit(Op.LOAD, tmp[i]);
                checkAssign(r.results.get(0), t.types.get(i), res.get(i).type, "return statement");
                storeResult(res.get(i));
            }
            emit(Op.RET, 0);
            return;
        }
        if (r.results.size() != want) {
            List<String> have = new ArrayList<>();
            for (Expr e : r.results) {
                Type t = typeOf(e);
                have.add(t.isUntyped() && t.isNumeric() ? "number" : String.valueOf(t));
            }
            Node at = r.results.size() > want && want > 0 ? r.results.get(want) : r.results.get(0);
            if (want == 0) at = r.results.get(0);
            err(at, (r.results.size() < want ? "not enough" : "too many") + " return values\n\thave ("
                    + String.join(", ", have) + ")\n\twant " + tupleString(fs.sig.results));
            return;
        }
        for (int i = 0; i < want; i++) exprTo(r.results.get(i), res.get(i).type, "return statement");
        for (int i = want - 1; i >= 0; i--) storeResult(res.get(i));
        emit(Op.RET, 0);
    }

    private void storeResult(Symbol s) {
        emit(s.cell ? Op.STOREC : Op.STORE, s.slot);
    }

    private static String tupleString(List<Type> ts) {
        List<String> parts = new ArrayList<>();
        for (Type t : ts) parts.add(String.valueOf(t));
        return "(" + String.join(", ", parts) + ")";
    }

    private void branch(Branch b) {
        if (b.tok == Tok.GOTO) return;
        if (b.tok == Tok.FALLTHROUGH) {
            err(b, "fallthrough statement out of place");
            return;
        }
        Target target = null;
        for (Target t : fs.targets) {
            if (b.label != null) {
                if (b.label.name.equals(t.label)) {
                    target = t;
                    break;
                }
            } else if (b.tok == Tok.BREAK || t.loop) {
                target = t;
                break;
            }
        }
        if (b.label != null) fs.usedLabels.add(b.label.name);
        if (target == null) {
            if (b.label != null && !fs.labels.containsKey(b.label.name)) {
                err(b.label, b.tok.text + " label not defined: " + b.label.name);
            } else if (b.label != null) err(b.label, "invalid " + b.tok.text + " label " + b.label.name);
            else err(b, b.tok.text + " is not in a loop" + (b.tok == Tok.BREAK ? ", switch, or select" : ""));
            return;
        }
        if (b.tok == Tok.CONTINUE && !target.loop) {
            err(b, "invalid continue label " + b.label.name);
            return;
        }
        int j = jump(Op.JMP);
        (b.tok == Tok.BREAK ? target.breaks : target.continues).add(j);
    }

    // ---------------------------------------------------------------- control flow

    private void cond(Expr c, String what) {
        Type t = single(c, Type.BOOL);
        if (t != INVALID && !t.isBool()) err(c, "non-boolean condition in " + what + " statement");
    }

    private void ifStmt(If s) {
        scope = new Scope(scope);
        if (s.init != null) stmt(s.init);
        if (s.cond == null) {
            emitConst(Boolean.TRUE);
        } else {
            cond(s.cond, "if");
        }
        int jElse = jump(Op.JF);
        block(s.then.stmts);
        if (s.els != null) {
            int jEnd = jump(Op.JMP);
            patch(jElse);
            stmt(s.els);
            patch(jEnd);
        } else {
            patch(jElse);
        }
        checkUnused(scope);
        scope = scope.parent;
    }

    private void forStmt(For s) {
        String label = takeLabel();
        scope = new Scope(scope);
        if (s.init != null) stmt(s.init);
        int top = here();
        int jEnd = -1;
        if (s.cond != null) {
            cond(s.cond, "for");
            jEnd = jump(Op.JF);
        }
        Target t = new Target(label, true);
        fs.targets.push(t);
        block(s.body.stmts);
        fs.targets.pop();
        int post = here();
        if (s.post != null) {
            if (s.post instanceof Assign a && a.op == Tok.DEFINE) err(s.post, "cannot declare in post statement of for loop");
            else stmt(s.post);
        }
        emit(Op.JMP, top);
        if (jEnd >= 0) patch(jEnd);
        for (int c : t.continues) patchTo(c, post);
        for (int b : t.breaks) patch(b);
        checkUnused(scope);
        scope = scope.parent;
    }

    private void range(Range r) {
        String label = takeLabel();
        scope = new Scope(scope);
        Type xt = single(r.x, null);
        Type u = xt.u();
        if (u.kind == Type.Kind.POINTER && u.elem.uk() == Type.Kind.ARRAY) u = u.elem.u();
        int xs = newLocal();
        emit(Op.STORE, xs);
        Type kt, vt;
        switch (u.kind) {
            case SLICE, ARRAY -> {
                kt = Type.INT;
                vt = u.elem;
            }
            case STRING, UNTYPED_STRING -> {
                kt = Type.INT;
                vt = Type.INT32;
            }
            case MAP -> {
                kt = u.key;
                vt = u.elem;
            }
            case CHAN -> {
                kt = u.elem;
                vt = null;
                if (r.value != null) err(r.value, "range over " + describe(r.x, xt) + " permits only one iteration variable");
            }
            default -> {
                if (xt != INVALID) err(r.x, "cannot range over " + describe(r.x, xt));
                scope = scope.parent;
                return;
            }
        }
        // iteration variables (declared once, as in Go 1.19)
        Symbol ks = null, vs = null;
        if (r.define) {
            if (r.key instanceof Ident kid && !kid.name.equals("_")) {
                ks = declareLocal(kid, kt);
                emitZero(kt);
                initVar(ks);
            }
            if (r.value instanceof Ident vid && !vid.name.equals("_") && vt != null) {
                vs = declareLocal(vid, vt);
                emitZero(vt);
                initVar(vs);
            }
        }
        Target t = new Target(label, true);
        int i = newLocal();
        int top, jEnd, post;
        if (u.kind == Type.Kind.CHAN) {
            top = here();
            emit(Op.LOAD, xs);
            emit(Op.RECVOK, constant(u.elem));
            jEnd = jump(Op.JF);
            setIter(r.key, ks, kt);
            fs.targets.push(t);
            block(r.body.stmts);
            fs.targets.pop();
            post = here();
            emit(Op.JMP, top);
            patch(jEnd);
            // the value left by a failed receive
            emit(Op.POP);
        } else {
            int n = newLocal();
            int keys = -1;
            if (u.kind == Type.Kind.MAP) {
                keys = newLocal();
                emit(Op.LOAD, xs);
                emit(Op.MAPKEYS);
                emit(Op.STORE, keys);
                emit(Op.LOAD, keys);
            } else {
                emit(Op.LOAD, xs);
            }
            emit(Op.LEN);
            emit(Op.STORE, n);
            emitConst(0L);
            emit(Op.STORE, i);
            top = here();
            emit(Op.LOAD, i);
            emit(Op.LOAD, n);
            emit(Op.ILT);
            jEnd = jump(Op.JF);
            int width = -1;
            if (u.kind == Type.Kind.MAP) {
                int skip;
                emit(Op.LOAD, xs);
                emit(Op.LOAD, keys);
                emit(Op.LOAD, i);
                emit(Op.INDEX);
                emit(Op.MAPHAS);
                skip = jump(Op.JF);
                if (r.key != null && !isBlank(r.key)) {
                    emit(Op.LOAD, keys);
                    emit(Op.LOAD, i);
                    emit(Op.INDEX);
                    setIter(r.key, ks, kt);
                }
                if (r.value != null && !isBlank(r.value)) {
                    emit(Op.LOAD, xs);
                    emit(Op.LOAD, keys);
                    emit(Op.LOAD, i);
                    emit(Op.INDEX);
                    emit(Op.MINDEX, constant(vt));
                    if (vt.isAggregate()) emit(Op.COPY);
                    setIter(r.value, vs, vt);
                }
                fs.targets.push(t);
                block(r.body.stmts);
                fs.targets.pop();
                patch(skip);
            } else {
                if (u.kind == Type.Kind.STRING || u.kind == Type.Kind.UNTYPED_STRING) {
                    width = newLocal();
                    emit(Op.LOAD, xs);
                    emit(Op.LOAD, i);
                    emit(Op.RUNEAT);
                    emit(Op.STORE, width);
                    if (r.value != null && !isBlank(r.value)) setIter(r.value, vs, vt);
                    else emit(Op.POP);
                } else if (r.value != null && !isBlank(r.value)) {
                    emit(Op.LOAD, xs);
                    emit(Op.LOAD, i);
                    emit(Op.INDEX);
                    if (vt.isAggregate()) emit(Op.COPY);
                    setIter(r.value, vs, vt);
                }
                if (r.key != null && !isBlank(r.key)) {
                    emit(Op.LOAD, i);
                    setIter(r.key, ks, kt);
                }
                fs.targets.push(t);
                block(r.body.stmts);
                fs.targets.pop();
            }
            post = here();
            emit(Op.LOAD, i);
            if (width >= 0) emit(Op.LOAD, width);
            else emitConst(1L);
            emit(Op.ADD);
            emit(Op.STORE, i);
            emit(Op.JMP, top);
            patch(jEnd);
        }
        for (int c : t.continues) patchTo(c, post);
        for (int b : t.breaks) patch(b);
        checkUnused(scope);
        scope = scope.parent;
    }

    /** Stores the iteration value on the stack into a range variable (declared, or any assignable expression). */
    private void setIter(Expr target, Symbol declared, Type t) {
        if (target == null || isBlank(target)) {
            emit(Op.POP);
            return;
        }
        if (declared != null) {
            storeVar(declared);
            return;
        }
        int tmp = newLocal();
        emit(Op.STORE, tmp);
        assignFromTemp(target, tmp, t, target);
    }

    private void switchStmt(Switch s) {
        String label = takeLabel();
        scope = new Scope(scope);
        if (s.init != null) stmt(s.init);
        Type tagType = null;
        int tag = -1;
        if (s.tag != null) {
            tagType = single(s.tag, null);
            if (tagType.isUntyped()) tagType = tagType.defaultType();
            adapt(s.tag, tagType, tagType);
            tag = newLocal();
            emit(Op.STORE, tag);
        }
        int nc = s.clauses.size();
        int[][] jumps = new int[nc][];
        int defaultIdx = -1;
        for (int ci = 0; ci < nc; ci++) {
            CaseClause cc = s.clauses.get(ci);
            if (cc.list == null) {
                if (defaultIdx >= 0) err(cc, "multiple defaults in switch");
                defaultIdx = ci;
                jumps[ci] = new int[0];
                continue;
            }
            jumps[ci] = new int[cc.list.size()];
            for (int k = 0; k < cc.list.size(); k++) {
                Expr e = cc.list.get(k);
                at(e);
                if (tag >= 0) {
                    caseCompare(e, tag, tagType, s.tag);
                } else {
                    Type t = single(e, Type.BOOL);
                    if (t != INVALID && !t.isBool()) {
                        err(e, "invalid case " + ExprString.of(e) + " in switch (mismatched types " + t + " and bool)");
                    }
                }
                jumps[ci][k] = jump(Op.JT);
            }
        }
        int jDefault = jump(Op.JMP);
        Target t = new Target(label, false);
        fs.targets.push(t);
        int[] fallJumps = new int[nc];
        java.util.Arrays.fill(fallJumps, -1);
        for (int ci = 0; ci < nc; ci++) {
            CaseClause cc = s.clauses.get(ci);
            if (ci > 0 && fallJumps[ci - 1] >= 0) patch(fallJumps[ci - 1]);
            for (int j : jumps[ci]) patch(j);
            if (ci == defaultIdx) patch(jDefault);
            List<Stmt> body = cc.body;
            boolean falls = !body.isEmpty() && body.get(body.size() - 1) instanceof Branch b && b.tok == Tok.FALLTHROUGH;
            if (falls) {
                if (ci == nc - 1) err(body.get(body.size() - 1), "cannot fallthrough final case in switch");
                body = body.subList(0, body.size() - 1);
            }
            block(body);
            if (falls) fallJumps[ci] = jump(Op.JMP);
            else t.breaks.add(jump(Op.JMP));
        }
        if (defaultIdx < 0) patch(jDefault);
        fs.targets.pop();
        for (int f : fallJumps) if (f >= 0 && fs.buf[f] < 0) patch(f);
        for (int b : t.breaks) patch(b);
        checkUnused(scope);
        scope = scope.parent;
    }

    private void caseCompare(Expr e, int tag, Type tagType, Expr tagExpr) {
        emit(Op.LOAD, tag);
        Type et = single(e, tagType);
        if (et == INVALID || tagType == INVALID) {
            emit(Op.EQ);
            return;
        }
        if (tagType.isInterface() && !et.isInterface() && et.kind != Type.Kind.UNTYPED_NIL) {
            emit(Op.BOX, constant(et.isUntyped() ? et.defaultType() : et));
            emit(Op.EQ);
            return;
        }
        if (assignable(et, tagType) != null && assignable(tagType, et) != null) {
            err(e, "invalid case " + ExprString.of(e) + " in switch on " + ExprString.of(tagExpr) + " (mismatched types "
                    + et + " and " + tagType + ")");
        }
        Type.Kind k = tagType.uk();
        boolean ref = k == Type.Kind.POINTER || k == Type.Kind.CHAN || k == Type.Kind.FUNC || k == Type.Kind.MAP || k == Type.Kind.SLICE
                || et.kind == Type.Kind.UNTYPED_NIL;
        emit(ref ? Op.EQREF : Op.EQ);
    }

    private void typeSwitch(TypeSwitch s) {
        String label = takeLabel();
        scope = new Scope(scope);
        if (s.init != null) stmt(s.init);
        Type xt = single(s.x, null);
        if (xt != INVALID && !xt.isInterface()) {
            err(s.x, ExprString.of(s.x) + " (variable of type " + xt + ") is not an interface");
        }
        int x = newLocal();
        emit(Op.STORE, x);
        int nc = s.clauses.size();
        int[][] jumps = new int[nc][];
        Type[] single = new Type[nc];
        int defaultIdx = -1;
        for (int ci = 0; ci < nc; ci++) {
            CaseClause cc = s.clauses.get(ci);
            if (cc.list == null) {
                defaultIdx = ci;
                jumps[ci] = new int[0];
                continue;
            }
            jumps[ci] = new int[cc.list.size()];
            for (int k = 0; k < cc.list.size(); k++) {
                Expr e = cc.list.get(k);
                emit(Op.LOAD, x);
                if (e instanceof Ident id && id.name.equals("nil") && scope.lookup("nil").kind == Symbol.Kind.NIL) {
                    emit(Op.NIL);
                    emit(Op.EQREF);
                    single[ci] = cc.list.size() == 1 ? xt : null;
                } else {
                    Type t = resolveType(e);
                    if (t != INVALID && xt != INVALID && xt.isInterface()) checkAssertable(e, xt, t);
                    emit(Op.TYPEIS, constant(t));
                    if (cc.list.size() == 1) single[ci] = t;
                }
                jumps[ci][k] = jump(Op.JT);
            }
        }
        int jDefault = jump(Op.JMP);
        Target t = new Target(label, false);
        fs.targets.push(t);
        List<Symbol> binds = new ArrayList<>();
        for (int ci = 0; ci < nc; ci++) {
            CaseClause cc = s.clauses.get(ci);
            for (int j : jumps[ci]) patch(j);
            if (ci == defaultIdx) patch(jDefault);
            scope = new Scope(scope);
            if (s.bind != null) {
                Type bt = single[ci] != null ? single[ci] : xt;
                emit(Op.LOAD, x);
                if (bt != xt && !bt.isInterface() && bt != INVALID) emit(Op.ASSERT, constant(new Type[]{bt, xt}));
                Ident id = new Ident(new Token(Tok.IDENT, s.bind.name, s.bind.line, s.bind.col));
                Symbol b = declareLocal(id, bt);
                binds.add(b);
                initVar(b);
            }
            stmts(cc.body);
            for (Symbol v : scope.vars) {
                if (!binds.contains(v) && !v.used && !v.name.equals("_")) diags.error(v.line, v.col, v.name + " declared but not used");
            }
            scope = scope.parent;
            t.breaks.add(jump(Op.JMP));
        }
        if (defaultIdx < 0) patch(jDefault);
        fs.targets.pop();
        if (s.bind != null && !binds.isEmpty() && binds.stream().noneMatch(b -> b.used)) {
            diags.error(s.bind.line, s.bind.col, s.bind.name + " declared but not used");
        }
        for (int b : t.breaks) patch(b);
        checkUnused(scope);
        scope = scope.parent;
    }

    private void select(Select s) {
        String label = takeLabel();
        int n = 0;
        List<Boolean> sends = new ArrayList<>();
        List<Type> elems = new ArrayList<>();
        boolean hasDefault = false;
        int[] caseIndex = new int[s.clauses.size()];
        for (int ci = 0; ci < s.clauses.size(); ci++) {
            CommClause cc = s.clauses.get(ci);
            Stmt comm = cc.comm;
            if (comm == null) {
                if (hasDefault) err(cc, "multiple defaults in select");
                hasDefault = true;
                caseIndex[ci] = -1;
                continue;
            }
            caseIndex[ci] = n++;
            if (comm instanceof SendStmt ss) {
                Type ct = single(ss.chan, null);
                Type elem = ct.uk() == Type.Kind.CHAN ? ct.u().elem : INVALID;
                if (ct != INVALID && ct.uk() != Type.Kind.CHAN) err(ss, "invalid operation: cannot send to non-channel " + describe(ss.chan, ct));
                exprTo(ss.value, elem, "send");
                sends.add(true);
                elems.add(elem);
                continue;
            }
            Expr rx = recvOperand(comm);
            if (rx == null) {
                err(comm, "select case must be receive, send or assign recv");
                emit(Op.NIL);
                sends.add(false);
                elems.add(INVALID);
                continue;
            }
            Type ct = single(rx, null);
            if (ct != INVALID && ct.uk() != Type.Kind.CHAN) err(rx, "invalid operation: cannot receive from non-channel " + describe(rx, ct));
            sends.add(false);
            elems.add(ct.uk() == Type.Kind.CHAN ? ct.u().elem : INVALID);
        }
        boolean[] sendArr = new boolean[n];
        for (int i = 0; i < n; i++) sendArr[i] = sends.get(i);
        at(s);
        emit(Op.SELECT, constant(new SelectDesc(sendArr, elems.toArray(new Type[0]), hasDefault)));
        int idx = newLocal(), ok = newLocal(), val = newLocal();
        emit(Op.STORE, idx);
        emit(Op.STORE, ok);
        emit(Op.STORE, val);
        Target t = new Target(label, false);
        fs.targets.push(t);
        for (int ci = 0; ci < s.clauses.size(); ci++) {
            CommClause cc = s.clauses.get(ci);
            emit(Op.LOAD, idx);
            emitConst((long) caseIndex[ci]);
            emit(Op.EQ);
            int next = jump(Op.JF);
            scope = new Scope(scope);
            if (cc.comm instanceof Assign a && caseIndex[ci] >= 0) {
                Type elem = elems.get(caseIndex[ci]);
                List<Expr> lhs = a.lhs;
                if (a.op == Tok.DEFINE) {
                    for (int k = 0; k < lhs.size() && k < 2; k++) {
                        if (!(lhs.get(k) instanceof Ident id)) {
                            err(lhs.get(k), "non-name " + ExprString.of(lhs.get(k)) + " on left side of :=");
                            continue;
                        }
                        if (id.name.equals("_")) continue;
                        Symbol v = declareLocal(id, k == 0 ? elem : Type.BOOL);
                        emit(Op.LOAD, k == 0 ? val : ok);
                        initVar(v);
                    }
                } else {
                    for (int k = 0; k < lhs.size() && k < 2; k++) assignFromTemp(lhs.get(k), k == 0 ? val : ok, k == 0 ? elem : Type.BOOL, lhs.get(k));
                }
            }
            stmts(cc.body);
            checkUnused(scope);
            scope = scope.parent;
            t.breaks.add(jump(Op.JMP));
            patch(next);
        }
        fs.targets.pop();
        for (int b : t.breaks) patch(b);
    }

    /** The channel operand of a receive communication clause, or null. */
    private static Expr recvOperand(Stmt comm) {
        Expr e = null;
        if (comm instanceof ExprStmt es) e = es.x;
        else if (comm instanceof Assign a && a.rhs.size() == 1 && a.lhs.size() <= 2 && (a.op == Tok.ASSIGN || a.op == Tok.DEFINE)) e = a.rhs.get(0);
        while (e instanceof Paren p) e = p.x;
        return e instanceof Unary u && u.op == Tok.ARROW ? u.x : null;
    }

    private void declStmt(GenDecl d) {
        switch (d.kind) {
            case CONST -> {
                for (Node n : d.specs) constSpec((ValueSpec) n);
            }
            case TYPE -> {
                List<TypeSpec> specs = new ArrayList<>();
                for (Node n : d.specs) specs.add((TypeSpec) n);
                declareTypes(specs, "main");
            }
            case VAR -> {
                for (Node n : d.specs) {
                    ValueSpec vs = (ValueSpec) n;
                    Type declared = vs.typeExpr == null ? null : resolveType(vs.typeExpr);
                    List<Type> types = valueTypes(vs, declared);
                    // evaluate first, then declare (the initializers see the outer names)
                    List<Symbol> syms = new ArrayList<>();
                    int n0 = vs.names.size();
                    for (int i = 0; i < n0; i++) {
                        Symbol s = new Symbol(Symbol.Kind.VAR, vs.names.get(i).name, types.get(i));
                        s.owner = fs;
                        s.slot = newLocal();
                        s.cell = fs.cellNames.contains(s.name);
                        s.line = vs.names.get(i).line;
                        s.col = vs.names.get(i).col;
                        syms.add(s);
                    }
                    int errorsBefore = diags.count();
                    initVars(vs, syms);
                    if (diags.count() > errorsBefore) for (Symbol sy : syms) sy.used = true;
                    for (int i = 0; i < n0; i++) {
                        Symbol s = syms.get(i);
                        if (s.name.equals("_")) continue;
                        Symbol prev = scope.lookupLocal(s.name);
                        if (prev != null) {
                            err(vs.names.get(i), redeclared(s.name, prev.line, prev.col));
                            continue;
                        }
                        scope.declare(s);
                        vs.names.get(i).sym = s;
                    }
                }
            }
            default -> err(d, "unexpected declaration");
        }
    }

    // ---------------------------------------------------------------- terminating statements

    private boolean terminates(Stmt s) {
        if (s == null) return false;
        if (s instanceof Return) return true;
        if (s instanceof Branch b) return b.tok == Tok.GOTO;
        if (s instanceof ExprStmt es) {
            Expr x = es.x;
            return x instanceof Call c && c.fun instanceof Ident id && id.name.equals("panic")
                    && scope.lookup("panic") != null && scope.lookup("panic").kind == Symbol.Kind.BUILTIN;
        }
        if (s instanceof Block b) return !b.stmts.isEmpty() && terminates(b.stmts.get(b.stmts.size() - 1));
        if (s instanceof If i) return i.els != null && terminates(i.then) && terminates(i.els);
        if (s instanceof Labeled l) return terminates(l.stmt);
        if (s instanceof For f) return f.cond == null && !hasBreak(f.body, true);
        if (s instanceof Switch sw) {
            boolean hasDefault = false;
            for (CaseClause cc : sw.clauses) {
                if (cc.list == null) hasDefault = true;
                if (!clauseTerminates(cc.body) || hasBreakList(cc.body)) return false;
            }
            return hasDefault;
        }
        if (s instanceof TypeSwitch ts) {
            boolean hasDefault = false;
            for (CaseClause cc : ts.clauses) {
                if (cc.list == null) hasDefault = true;
                if (!clauseTerminates(cc.body) || hasBreakList(cc.body)) return false;
            }
            return hasDefault;
        }
        if (s instanceof Select sel) {
            for (CommClause cc : sel.clauses) if (!clauseTerminates(cc.body) || hasBreakList(cc.body)) return false;
            return true;
        }
        return false;
    }

    private boolean clauseTerminates(List<Stmt> body) {
        if (body.isEmpty()) return false;
        Stmt last = body.get(body.size() - 1);
        return terminates(last) || last instanceof Branch b && b.tok == Tok.FALLTHROUGH;
    }

    private boolean hasBreakList(List<Stmt> list) {
        for (Stmt s : list) if (hasBreak(s, false)) return true;
        return false;
    }

    /** Whether a statement contains an unlabelled break that targets the enclosing statement. */
    private boolean hasBreak(Stmt s, boolean top) {
        if (s instanceof Branch b) return b.tok == Tok.BREAK && b.label == null;
        if (s instanceof Block b) {
            for (Stmt x : b.stmts) if (hasBreak(x, false)) return true;
            return false;
        }
        if (s instanceof If i) return hasBreak(i.then, false) || (i.els != null && hasBreak(i.els, false));
        if (s instanceof Labeled l) return hasBreak(l.stmt, false);
        return false;
    }
}
