package gmplab.golang;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Run-time representations of Go values in the VM.
 * <ul>
 * <li>integers of every width are {@link Long} (kept wrapped to their width), floats {@link Double},
 *     {@code bool} {@link Boolean}, strings {@link String};</li>
 * <li>a struct is a {@link StructVal} and an array an {@link ArrayVal}; both are copied on assignment,
 *     and a pointer to either is the very same object (so {@code p.f} needs no extra hop);</li>
 * <li>a pointer to any other type is a {@link Ref} (a {@link Cell} for variables);</li>
 * <li>slices are {@link SliceVal}, maps {@link MapVal}, channels {@link gmplab.runtime.Chan},
 *     functions {@link Closure}/{@link BoundMethod}/{@link NativeFn}, interfaces {@link Iface};</li>
 * <li>nil is Java {@code null} for every nillable type.</li>
 * </ul>
 */
final class Values {
    private Values() { }

    /** A pointer to a non-aggregate value. */
    interface Ref {
        Object get();

        void set(Object v);
    }

    /** A variable that lives on the heap: captured by a closure or whose address is taken. */
    static final class Cell implements Ref {
        Object v;

        Cell(Object v) {
            this.v = v;
        }

        @Override
        public Object get() {
            return v;
        }

        @Override
        public void set(Object v) {
            this.v = v;
        }
    }

    /** {@code &a[i]} for a non-aggregate element type. */
    record ElemRef(Object[] a, int i) implements Ref {
        @Override
        public Object get() {
            return a[i];
        }

        @Override
        public void set(Object v) {
            a[i] = v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ElemRef r && r.a == a && r.i == i;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + i;
        }
    }

    /** A struct value; {@code type} is its (possibly named) struct type. */
    static final class StructVal {
        final Type type;
        final Object[] f;

        StructVal(Type type, Object[] f) {
            this.type = type;
            this.f = f;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof StructVal s) || s.type != type) return false;
            List<Type> ts = type.u().types;
            for (int i = 0; i < f.length; i++) {
                if (isPointerLike(ts.get(i)) ? f[i] != s.f[i] : !java.util.Objects.equals(f[i], s.f[i])) return false;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(f);
        }
    }

    /** A fixed-size array value. */
    static final class ArrayVal {
        final Type type;
        final Object[] a;

        ArrayVal(Type type, Object[] a) {
            this.type = type;
            this.a = a;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ArrayVal s)) return false;
            if (isPointerLike(type.u().elem)) {
                for (int i = 0; i < a.length; i++) if (a[i] != s.a[i]) return false;
                return true;
            }
            return Arrays.equals(s.a, a);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(a);
        }
    }

    /** A slice: a window {@code [off, off+len)} of a backing array with capacity {@code cap}. */
    static final class SliceVal {
        Object[] a;
        final int off, len, cap;

        SliceVal(Object[] a, int off, int len, int cap) {
            this.a = a;
            this.off = off;
            this.len = len;
            this.cap = cap;
        }
    }

    /**
     * A map; iteration follows insertion order (Go's order is unspecified, ours is
     * deterministic). Maps keyed by pointers compare keys by identity.
     */
    static final class MapVal {
        final LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
        final boolean byIdentity;

        MapVal(boolean byIdentity) {
            this.byIdentity = byIdentity;
        }

        MapVal() {
            this(false);
        }

        /** A map of type t. */
        static MapVal of(Type t) {
            Type k = t.u().key;
            return new MapVal(k != null && k.uk() == Type.Kind.POINTER);
        }

        private Object key(Object k) {
            return byIdentity && k != null ? new IdKey(k) : k;
        }

        Object get(Object k) {
            return m.get(key(k));
        }

        boolean containsKey(Object k) {
            return m.containsKey(key(k));
        }

        void put(Object k, Object v) {
            m.put(key(k), v);
        }

        void remove(Object k) {
            m.remove(key(k));
        }

        int size() {
            return m.size();
        }

        Object[] keys() {
            Object[] ks = m.keySet().toArray();
            if (byIdentity) for (int i = 0; i < ks.length; i++) if (ks[i] instanceof IdKey id) ks[i] = id.o;
            return ks;
        }
    }

    /** A map key compared by identity (pointer keys). */
    private record IdKey(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdKey k && k.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /** An interface value: dynamic type plus value. A nil interface is Java null. */
    record Iface(Type type, Object value) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Iface i) || !Type.identical(type, i.type)) return false;
            if (isPointerLike(type)) return value == i.value;
            return java.util.Objects.equals(value, i.value);
        }

        @Override
        public int hashCode() {
            return isPointerLike(type) ? System.identityHashCode(value) : java.util.Objects.hashCode(value);
        }
    }

    static boolean isPointerLike(Type t) {
        Type.Kind k = t.uk();
        return k == Type.Kind.POINTER || k == Type.Kind.CHAN || k == Type.Kind.FUNC || k == Type.Kind.MAP || k == Type.Kind.SLICE;
    }

    /** A function value: compiled code plus captured cells. */
    record Closure(FuncCode code, Object[] free) { }

    /** A method value {@code x.M} bound to its receiver. */
    record BoundMethod(FuncCode code, Object recv) { }

    /** A native (standard library) function, possibly with bound leading arguments (a receiver). */
    record NativeFn(Natives.Native fn, Object[] bound) { }

    /**
     * The receiver to pass to method {@code m} for a value {@code v} of dynamic type {@code t}:
     * follows the embedding path of a promoted method and dereferences or copies for a
     * value receiver.
     */
    static Object receiver(Type.Method m, Type t, Object v) {
        boolean isPtr = t.kind == Type.Kind.POINTER;
        boolean wantsPtr = m.ptrRecv;
        if (m.path != null) {
            for (int i : m.path) {
                if (v == null) throw GoPanic.nilDeref();
                v = ((StructVal) v).f[i];
            }
            // embedded aggregates are objects (their own address); pointers are the same objects
            return m.innerPtrRecv ? v : copy(v);
        }
        if (isPtr && !wantsPtr) {
            if (v == null) throw GoPanic.nilDeref();
            return v instanceof Ref r ? r.get() : copy(v);
        }
        return v;
    }

    /** The zero value of a type. */
    static Object zero(Type t) {
        Type u = t.u();
        switch (u.kind) {
            case BOOL, UNTYPED_BOOL:
                return Boolean.FALSE;
            case INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, UNTYPED_INT, UNTYPED_RUNE:
                return 0L;
            case FLOAT32, FLOAT64, UNTYPED_FLOAT:
                return 0.0;
            case STRING, UNTYPED_STRING:
                return "";
            case STRUCT: {
                Object[] f = new Object[u.types.size()];
                for (int i = 0; i < f.length; i++) f[i] = zero(u.types.get(i));
                return new StructVal(t, f);
            }
            case ARRAY: {
                Object[] a = new Object[(int) u.length];
                for (int i = 0; i < a.length; i++) a[i] = zero(u.elem);
                return new ArrayVal(t, a);
            }
            default:
                return null;
        }
    }

    /** Copies an aggregate value (struct or array) deeply, as Go assignment does; others are returned as is. */
    static Object copy(Object v) {
        if (v instanceof StructVal s) {
            Type u = s.type.u();
            Object[] f = s.f.clone();
            for (int i = 0; i < f.length; i++) if (u.types.get(i).isAggregate()) f[i] = copy(f[i]);
            return new StructVal(s.type, f);
        }
        if (v instanceof ArrayVal a) {
            Object[] c = a.a.clone();
            if (a.type.u().elem.isAggregate()) for (int i = 0; i < c.length; i++) c[i] = copy(c[i]);
            return new ArrayVal(a.type, c);
        }
        return v;
    }

    /** Go's {@code ==} on two values of the same static type. */
    static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        return a.equals(b);
    }
}
