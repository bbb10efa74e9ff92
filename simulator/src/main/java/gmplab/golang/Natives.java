package gmplab.golang;

import gmplab.golang.Values.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Library functions implemented in Java, and the packages that export them. The
 * packages themselves are assembled by {@link Stdlib}.
 */
final class Natives {
    private Natives() { }

    /** A function implemented in Java. Results: none, one value, or an {@code Object[]} for several. */
    interface Native {
        String name();

        int results();

        Object call(Machine m, Object[] args);
    }

    /** The body of a native. */
    @FunctionalInterface
    interface Impl {
        Object call(Machine m, Object[] a);
    }

    record Fn(String name, int results, Impl impl) implements Native {
        @Override
        public Object call(Machine m, Object[] args) {
            return impl.call(m, args);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An importable package: its path, its name and its exported members. */
    static final class Pkg {
        final String path;
        final String name;
        final Map<String, Symbol> members = new LinkedHashMap<>();

        Pkg(String path, String name) {
            this.path = path;
            this.name = name;
        }

        Pkg func(String fname, Type sig, Impl impl) {
            Fn fn = new Fn(name + "." + fname, sig.results.size(), impl);
            members.put(fname, Symbol.nativeFunc(fname, sig, fn));
            return this;
        }

        Pkg constant(String cname, Type t, Object v) {
            members.put(cname, Symbol.constant(cname, t, v));
            return this;
        }

        Pkg type(String tname, Type t) {
            members.put(tname, Symbol.typeName(tname, t));
            return this;
        }

        /** A package variable whose value depends on the run ({@code os.Args}): read through a native. */
        Pkg dynamicVar(String vname, Type t, Impl get) {
            Symbol s = Symbol.nativeVar(vname, t, new Fn(name + "." + vname, 1, get));
            members.put(vname, s);
            return this;
        }

        Pkg var(String vname, Type t, Object v) {
            members.put(vname, Symbol.nativeVar(vname, t, v));
            return this;
        }
    }

    /** The dynamic type of run-time errors raised by the VM ({@code runtime.Error}); its value is the message. */
    static final Type RUNTIME_ERROR = Type.named("Error", "runtime", Type.STRING);

    static {
        method(RUNTIME_ERROR, "Error", false, Type.func(List.of(), List.of(Type.STRING), false), (m, a) -> a[0]);
        method(RUNTIME_ERROR, "RuntimeError", false, Type.func(List.of(), List.of(), false), (m, a) -> null);
    }

    /** Adds a native method to a named type. */
    static void method(Type named, String mname, boolean ptrRecv, Type sig, Impl impl) {
        Type.Method meth = new Type.Method(mname, sig, ptrRecv);
        meth.nat = new Fn(named.name + "." + mname, sig.results.size(), impl);
        named.methods.put(mname, meth);
    }

    static Type sig(List<Type> params, Type... results) {
        return Type.func(params, List.of(results), false);
    }

    static Type variadic(List<Type> params, Type... results) {
        return Type.func(params, List.of(results), true);
    }

    /** The elements of a slice argument (a variadic {@code ...any} parameter). */
    static List<Object> elems(Object slice) {
        if (slice == null) return List.of();
        SliceVal s = (SliceVal) slice;
        return java.util.Arrays.asList(java.util.Arrays.copyOfRange(s.a, s.off, s.off + s.len));
    }

    static SliceVal sliceOf(Object... items) {
        return new SliceVal(items, 0, items.length, items.length);
    }
}
