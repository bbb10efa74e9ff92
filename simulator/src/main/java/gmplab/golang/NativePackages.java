package gmplab.golang;

import gmplab.golang.Values.Closure;
import gmplab.golang.Values.Iface;
import gmplab.golang.Values.NativeFn;
import gmplab.golang.Values.SliceVal;
import gmplab.golang.Values.StructVal;
import gmplab.runtime.Action;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Resume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Importable packages defined outside the simulator, implemented in Java: the
 * extension point through which a demo gives Go programs its own packages (the P2P
 * demo's {@code p2phost}, {@code net}, {@code manet} …).
 *
 * <pre>{@code
 * NativePackages extra = new NativePackages();
 * NativePackages.Package pkg = extra.define("example.com/greet", "greet");
 * pkg.func("Hello", NativePackages.func(List.of(NativePackages.STRING), List.of(NativePackages.STRING)),
 *         (call, args) -> NativePackages.goString("hello, " + NativePackages.javaString(args[0])));
 * GoProgram p = GoProgram.compile("prog.go", source, extra);
 * }</pre>
 *
 * A native answers at once (its results: {@code null} for none, the value for one, an
 * {@code Object[]} for several) or parks the goroutine with {@link Call#park}: the engine performs the
 * action (a netpoller wait, a channel operation …) and the continuation computes the
 * results, possibly parking again. Values are the VM's own: use the static helpers
 * here to convert strings, byte slices, errors and opaque handles.
 */
public final class NativePackages {
    private final Map<String, Natives.Pkg> pkgs = new LinkedHashMap<>();

    /** The packages of the compilation running on this thread (see {@link GoProgram#compile(String, String, NativePackages)}). */
    private static final ThreadLocal<NativePackages> COMPILING = new ThreadLocal<>();

    /** Defines (or returns) the package with import path {@code path} and name {@code name}. */
    public Package define(String path, String name) {
        Natives.Pkg p = pkgs.computeIfAbsent(path, k -> new Natives.Pkg(path, name));
        return new Package(p);
    }

    /** The compiler's package lookup: the standard library first, then the packages of this compilation. */
    static Natives.Pkg lookup(String path) {
        Natives.Pkg p = Stdlib.lookup(path);
        if (p != null) return p;
        NativePackages n = COMPILING.get();
        return n == null ? null : n.pkgs.get(path);
    }

    static <T> T compiling(NativePackages extra, CompileAction<T> action) throws GoCompileException {
        NativePackages saved = COMPILING.get();
        COMPILING.set(extra);
        try {
            return action.run();
        } finally {
            if (saved == null) COMPILING.remove(); else COMPILING.set(saved);
        }
    }

    interface CompileAction<T> {
        T run() throws GoCompileException;
    }

    // ---------------------------------------------------------------- types

    /** A Go type, as native packages name it in signatures. */
    public static final class GoType {
        final Type t;

        GoType(Type t) {
            this.t = t;
        }

        @Override
        public String toString() {
            return t.toString();
        }
    }

    public static final GoType STRING = new GoType(Type.STRING);
    public static final GoType INT = new GoType(Type.INT);
    public static final GoType INT64 = new GoType(Type.INT64);
    public static final GoType UINT64 = new GoType(Type.UINT64);
    public static final GoType BOOL = new GoType(Type.BOOL);
    public static final GoType BYTE = new GoType(Type.UINT8);
    public static final GoType ERROR = new GoType(Type.ERROR);
    public static final GoType ANY = new GoType(Type.ANY);
    public static final GoType BYTES = new GoType(Type.slice(Type.UINT8));
    public static final GoType STRINGS = new GoType(Type.slice(Type.STRING));
    /** {@code context.Context}. */
    public static final GoType CONTEXT = new GoType(Stdlib.CONTEXT);
    /** {@code time.Duration}. */
    public static final GoType DURATION = new GoType(Stdlib.DURATION);

    public static GoType slice(GoType elem) {
        return new GoType(Type.slice(elem.t));
    }

    public static GoType pointer(GoType elem) {
        return new GoType(Type.pointer(elem.t));
    }

    /** A function type {@code func(params) (results)}. */
    public static GoType func(List<GoType> params, List<GoType> results) {
        return new GoType(Type.func(types(params), types(results), false));
    }

    /** A variadic function type: the last parameter must be a slice type ({@code ...T} is {@code []T}). */
    public static GoType variadicFunc(List<GoType> params, List<GoType> results) {
        return new GoType(Type.func(types(params), types(results), true));
    }

    private static List<Type> types(List<GoType> gs) {
        List<Type> out = new ArrayList<>(gs.size());
        for (GoType g : gs) out.add(g.t);
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- packages

    /** The body of a native function or method; {@code args} start with the receiver for methods. */
    @FunctionalInterface
    public interface Native {
        Object call(Call call, Object[] args);
    }

    /** What to do when a parked native's action completes: the results, or {@link #PARKED} after parking again. */
    @FunctionalInterface
    public interface Continuation {
        Object resume(Call call, Resume r);
    }

    /** Returned by a native (or a continuation) that parked the goroutine. */
    public static final Object PARKED = new Object();

    /** One package being defined. */
    public static final class Package {
        private final Natives.Pkg p;

        Package(Natives.Pkg p) {
            this.p = p;
        }

        /** {@code type name underlying} (e.g. {@code type ID string}); methods are added with {@link #method}. */
        public GoType namedType(String name, GoType underlying) {
            Type t = Type.named(name, p.name, underlying.t);
            p.type(name, t);
            return new GoType(t);
        }

        /**
         * A struct type whose single hidden field holds a Java object; Go code uses {@code *name}
         * values made by {@link #newHandle}.
         */
        public GoType opaqueType(String name) {
            Type t = Type.named(name, p.name, Type.struct(List.of("state"), List.of(Stdlib.UNSAFE)));
            p.type(name, t);
            return new GoType(t);
        }

        /** A named interface type; add its methods with {@link #interfaceMethod}. */
        public GoType interfaceType(String name) {
            Type t = Type.named(name, p.name, Type.iface(new LinkedHashMap<>()));
            p.type(name, t);
            return new GoType(t);
        }

        /** Adds method {@code name} with signature {@code sig} to interface {@code iface}. */
        public Package interfaceMethod(GoType iface, String name, GoType sig) {
            Type u = iface.t.u();
            TreeMap<String, Type> sorted = new TreeMap<>(u.imethods);
            sorted.put(name, sig.t);
            u.imethods = new LinkedHashMap<>(sorted);
            return this;
        }

        /** Exports an existing type under {@code name}. */
        public Package type(String name, GoType t) {
            p.type(name, t.t);
            return this;
        }

        /** A method on a named type of this package (pointer receiver when {@code pointerRecv}). */
        public Package method(GoType named, String name, boolean pointerRecv, GoType sig, Native impl) {
            Type.Method meth = new Type.Method(name, sig.t, pointerRecv);
            meth.nat = wrap(named.t.name + "." + name, sig.t.results.size(), impl);
            named.t.methods.put(name, meth);
            return this;
        }

        public Package func(String name, GoType sig, Native impl) {
            Natives.Fn fn = wrap(p.name + "." + name, sig.t.results.size(), impl);
            p.members.put(name, Symbol.nativeFunc(name, sig.t, fn));
            return this;
        }

        public Package var(String name, GoType t, Object value) {
            p.var(name, t.t, value);
            return this;
        }

        public Package constant(String name, GoType t, Object value) {
            p.constant(name, t.t, value);
            return this;
        }
    }

    /**
     * A native as the VM calls it. A parked call leaves placeholder results on the
     * operand stack; its continuation replaces them when the action completes.
     */
    private static Natives.Fn wrap(String name, int nresults, Native impl) {
        return new Natives.Fn(name, nresults, (m, a) -> {
            Object r = impl.call(new Call(m, nresults), a);
            if (r != PARKED) return r;
            return nresults > 1 ? new Object[nresults] : null;
        });
    }

    /** The goroutine calling a native: park it, or start goroutines from Go function values. */
    public static final class Call {
        private final Machine m;
        private final int nresults;

        Call(Machine m, int nresults) {
            this.m = m;
            this.nresults = nresults;
        }

        /** Parks on {@code a}; when it completes, {@code k} computes the results. Returns {@link #PARKED}. */
        public Object park(Action a, Continuation k) {
            m.block(a, (mm, r) -> {
                Call c = new Call(mm, nresults);
                Object res = k.resume(c, r);
                if (res != PARKED) c.replacePlaceholders(res);
            });
            return PARKED;
        }

        /** Queues an action that needs no answer (a {@code Go}, a {@code Close}, output). */
        public void emit(Action a) {
            m.emit(a);
        }

        /** A Go function value, kept so Java can start it as a goroutine later. */
        public GoFunc goFunc(Object fn) {
            if (fn == null) throw GoPanic.nilDeref();
            return new GoFunc(m.prog, fn);
        }

        /** The text of any error value, as {@code err.Error()} returns it (calls a Go method if need be). */
        public String errorString(Object err) {
            if (err == null) return "<nil>";
            String t = errorText(err);
            return t != null ? t : GoString.toJava(Fmt.callStringMethod(m, (Iface) err));
        }

        /** Virtual time now, in ns. */
        public long nanotime() {
            return m.prog.host.nanotime();
        }

        void replacePlaceholders(Object r) {
            for (int i = 0; i < nresults; i++) m.frame.pop();
            m.pushResults(nresults, r);
        }
    }

    /** A Go function value with the program it belongs to. */
    public static final class GoFunc {
        private final Program prog;
        private final Object fn;

        GoFunc(Program prog, Object fn) {
            this.prog = prog;
            this.fn = fn;
        }

        /** The body of a new goroutine running {@code fn(args...)} (hand it to {@code Action.Go}). */
        public GoroutineBody newGoroutine(Object... args) {
            return new Machine(prog, name(), fn, args);
        }

        /** The Go name of the function ({@code main.(*P2P).registerStreamHandler.func1}). */
        public String name() {
            if (fn instanceof Closure c) return c.code().name;
            if (fn instanceof Values.BoundMethod b) return b.code().name;
            if (fn instanceof NativeFn n) return n.fn().name();
            return "?";
        }
    }

    // ---------------------------------------------------------------- values

    /** A Go string (bytes) from a Java string (UTF-16, encoded as UTF-8). */
    public static Object goString(String s) {
        return GoString.fromJava(s);
    }

    /** A Java string from a Go string (decoded as UTF-8). */
    public static String javaString(Object goString) {
        return GoString.toJava((String) goString);
    }

    /** A new {@code errors.New(msg)} value. */
    public static Object error(String msg) {
        return Stdlib.newError(GoString.fromJava(msg));
    }

    /** The message of an error value created by {@link #error} or {@code errors.New}, or null for other values. */
    public static String errorText(Object err) {
        if (err instanceof Iface i && i.value() instanceof StructVal s
                && (s.type == Stdlib.ERROR_STRING || s.type == Stdlib.WRAP_ERROR)) {
            return GoString.toJava((String) s.f[0]);
        }
        return null;
    }

    /** The bytes of a {@code []byte} value. */
    public static byte[] bytes(Object slice) {
        if (slice == null) return new byte[0];
        SliceVal s = (SliceVal) slice;
        byte[] b = new byte[s.len];
        for (int i = 0; i < s.len; i++) b[i] = (byte) (long) (Long) s.a[s.off + i];
        return b;
    }

    /** {@code len(slice)} of any slice value. */
    public static int len(Object slice) {
        return slice == null ? 0 : ((SliceVal) slice).len;
    }

    /** Copies up to {@code len} bytes into a {@code []byte} value, as {@code copy(dst, src)} does; returns the count. */
    public static int copyInto(Object dst, byte[] src, int off, int len) {
        if (dst == null) return 0;
        SliceVal s = (SliceVal) dst;
        int n = Math.min(s.len, len);
        for (int i = 0; i < n; i++) s.a[s.off + i] = (long) (src[off + i] & 0xFF);
        return n;
    }

    /** A new {@code []byte} holding {@code b}. */
    public static Object byteSlice(byte[] b) {
        Object[] a = new Object[b.length];
        for (int i = 0; i < b.length; i++) a[i] = (long) (b[i] & 0xFF);
        return new SliceVal(a, 0, a.length, a.length);
    }

    /** A new {@code []string} holding {@code items}. */
    public static Object stringSlice(List<String> items) {
        Object[] a = new Object[items.size()];
        for (int i = 0; i < a.length; i++) a[i] = GoString.fromJava(items.get(i));
        return new SliceVal(a, 0, a.length, a.length);
    }

    /** The elements of a slice value (for variadic parameters). */
    public static List<Object> elements(Object slice) {
        return Natives.elems(slice);
    }

    /** A {@code *T} for an opaque type {@code T} made by {@link Package#opaqueType}, holding {@code state}. */
    public static Object newHandle(GoType opaque, Object state) {
        return new StructVal(opaque.t, new Object[]{state});
    }

    /** The Java object behind a {@code *T} of an opaque type (a nil pointer panics as Go would). */
    @SuppressWarnings("unchecked")
    public static <T> T handle(Object ptr) {
        if (ptr == null) throw GoPanic.nilDeref();
        return (T) ((StructVal) ptr).f[0];
    }

    /** The Java object behind a {@code *T}, created by {@code make} on first use. */
    @SuppressWarnings("unchecked")
    public static <T> T handle(Object ptr, Supplier<T> make) {
        if (ptr == null) throw GoPanic.nilDeref();
        StructVal s = (StructVal) ptr;
        if (s.f[0] == null) s.f[0] = make.get();
        return (T) s.f[0];
    }

    /** An interface value whose dynamic type is {@code dynamic} (e.g. {@code pointer(streamType)}). */
    public static Object box(GoType dynamic, Object value) {
        return new Iface(dynamic.t, value);
    }

    /** The dynamic value inside an interface value (null for a nil interface). */
    public static Object unbox(Object iface) {
        return iface == null ? null : ((Iface) iface).value();
    }

    /** A Go integer value of any width. */
    public static Object integer(long v) {
        return v;
    }

    /** The Java value of a Go integer of any width. */
    public static long toLong(Object v) {
        return (Long) v;
    }

    /** A Go panic with {@code message} raised from a native (recoverable, as Go's panics are). */
    public static RuntimeException panic(String message) {
        return GoPanic.plain(message);
    }

    /** UTF-8 bytes of a Java string. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
