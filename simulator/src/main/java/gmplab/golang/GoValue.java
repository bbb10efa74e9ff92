package gmplab.golang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of one Go value of a running program, as {@link GoInspector} and
 * navigation from it found it.
 *
 * <p>The view itself is immutable, but it reads live VM memory: it holds the value's
 * representation (see {@link Values}), so a struct, slice or map shows its contents at the
 * moment a method is called, while a scalar or a pointer is the one that was read. Use it on
 * the simulation's thread while the simulation is paused between events, and read again
 * from the inspector after the simulation moves on. Nothing here runs Go code (no
 * {@code String()} methods) or changes the program's state.
 *
 * <p>Pointers and interfaces are followed transparently: {@link #field}, {@link #elements},
 * {@link #entries} and the {@code as...} methods dereference pointers, and a value read from
 * an interface is seen as its dynamic value.
 */
public final class GoValue {
    /** {@link #text()} stops after about this many characters. */
    static final int TEXT_LIMIT = 2000;

    /** The value's type: the dynamic type when it was read from a non-nil interface. */
    private final Type type;
    private final Object v;

    private GoValue(Type type, Object v) {
        this.type = type;
        this.v = v;
    }

    /** A view of {@code v}, a value of static type {@code t}; an interface value is seen as its dynamic value. */
    static GoValue of(Type t, Object v) {
        if (t.isInterface() && v instanceof Values.Iface i) return new GoValue(i.type(), i.value());
        return new GoValue(t, v);
    }

    /**
     * Whether this value is nil (a nil pointer, slice, map, channel, function or interface).
     * Pointers are not followed; an interface holding a nil pointer counts as nil, since the
     * view is its dynamic value.
     */
    public boolean isNil() {
        return v == null;
    }

    /**
     * The type as fmt's {@code %T} spells it: {@code *main.remoteListener},
     * {@code map[string]main.Listener}, {@code []int} (package main qualified; compile errors
     * print main's types unqualified, as gc does). For a value read from an interface: its
     * dynamic type, or the interface type itself when the interface is nil.
     */
    public String typeName() {
        return type.toString();
    }

    /**
     * Struct field {@code name}, following pointers and promoted through embedded fields as
     * {@code x.name} would be in Go.
     *
     * @throws IllegalArgumentException "no field name in T" if the value has no such field
     * @throws IllegalStateException if a pointer on the way is nil
     */
    public GoValue field(String name) {
        return findField(name).orElseThrow(() -> new IllegalArgumentException("no field " + name + " in " + typeName()));
    }

    /**
     * Like {@link #field}, empty if the value has no field {@code name} (also when it is no struct).
     *
     * @throws IllegalStateException if a pointer on the way is nil
     */
    public Optional<GoValue> findField(String name) {
        String op = "field " + name;
        GoValue s = deref(op);
        if (s.type.uk() != Type.Kind.STRUCT) return Optional.empty();
        int i = s.type.fieldIndex(name);
        if (i < 0) {
            int[] path = ExprCompiler.promotion(s.type, name);
            if (path == null) return Optional.empty();
            for (int k : path) s = s.fieldAt(k).deref(op);
            i = s.type.fieldIndex(name);
            if (i < 0) return Optional.empty(); // promoted method of that name, not a field
        }
        return Optional.of(s.fieldAt(i));
    }

    /**
     * The Java object a native package keeps behind a pointer to one of its opaque types
     * ({@link NativePackages.Package#opaqueType}, e.g. a multiaddr's text); empty for
     * any other value, and for nil.
     */
    public Optional<Object> nativeState() {
        if (!(v instanceof Values.StructVal s) || s.f.length != 1) return Optional.empty();
        Type u = s.type.u();
        boolean opaque = u.names.equals(List.of("state")) && u.types.get(0) == Stdlib.UNSAFE;
        return opaque ? Optional.ofNullable(s.f[0]) : Optional.empty();
    }

    /**
     * The elements of a slice (only its {@code len} window) or array, following pointers;
     * a nil slice has none.
     *
     * @throws IllegalStateException if the value is not a slice or array, or a pointer is nil
     */
    public List<GoValue> elements() {
        GoValue s = deref("elements");
        Type u = s.type.u();
        Object[] a;
        int off, len;
        if (u.kind == Type.Kind.SLICE) {
            if (s.v == null) return List.of();
            Values.SliceVal sv = (Values.SliceVal) s.v;
            a = sv.a;
            off = sv.off;
            len = sv.len;
        } else if (u.kind == Type.Kind.ARRAY) {
            a = ((Values.ArrayVal) s.v).a;
            off = 0;
            len = a.length;
        } else {
            throw s.wrongKind("elements", "a slice or array");
        }
        List<GoValue> out = new ArrayList<>(len);
        for (int k = 0; k < len; k++) out.add(of(u.elem, a[off + k]));
        return Collections.unmodifiableList(out);
    }

    /**
     * The entries of a map in the map's iteration order (the VM's: insertion order),
     * following pointers; a nil map has none.
     *
     * @throws IllegalStateException if the value is not a map, or a pointer is nil
     */
    public List<Map.Entry<GoValue, GoValue>> entries() {
        GoValue s = deref("entries");
        Type u = s.type.u();
        if (u.kind != Type.Kind.MAP) throw s.wrongKind("entries", "a map");
        if (s.v == null) return List.of();
        Values.MapVal m = (Values.MapVal) s.v;
        List<Map.Entry<GoValue, GoValue>> out = new ArrayList<>(m.size());
        for (Object k : m.keys()) out.add(Map.entry(of(u.key, k), of(u.elem, m.get(k))));
        return Collections.unmodifiableList(out);
    }

    /**
     * A string (of any string type), following pointers, decoded from UTF-8.
     *
     * @throws IllegalStateException if the value is not a string, or a pointer is nil
     */
    public String asString() {
        GoValue s = deref("asString");
        if (s.type.uk() != Type.Kind.STRING) throw s.wrongKind("asString", "a string");
        return GoString.toJava((String) s.v);
    }

    /**
     * An integer (of any integer type), following pointers. Unsigned 64-bit values keep
     * their bits (read them with {@link Long#toUnsignedString(long)}).
     *
     * @throws IllegalStateException if the value is not an integer, or a pointer is nil
     */
    public long asLong() {
        GoValue s = deref("asLong");
        if (!s.type.isInteger()) throw s.wrongKind("asLong", "an integer");
        return (Long) s.v;
    }

    /**
     * A boolean (of any boolean type), following pointers.
     *
     * @throws IllegalStateException if the value is not a bool, or a pointer is nil
     */
    public boolean asBool() {
        GoValue s = deref("asBool");
        if (!s.type.isBool()) throw s.wrongKind("asBool", "a bool");
        return (Boolean) s.v;
    }

    /**
     * The value rendered like fmt's {@code %v}: {@code {a 1 [x y]}}, {@code map[k:v]} (keys
     * sorted as fmt sorts them), {@code <nil>}. Unlike fmt it renders every non-nil pointer as
     * {@code &} and its target, at any depth, since addresses mean nothing to a reader and
     * assigning them would change the program's {@code %p} output; a value already being
     * rendered (a cycle) shows as {@code {...}}, {@code [...]} or {@code map[...]}; channels
     * and functions show as their type in angle brackets; {@code String()} methods are not
     * called. The result is cut after about {@value #TEXT_LIMIT} characters, ending in {@code ...}.
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        render(sb, type, v, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.length() > TEXT_LIMIT ? sb.substring(0, TEXT_LIMIT) + "..." : sb.toString();
    }

    /** The same as {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }

    // ---------------------------------------------------------------- internals

    /** This value with pointers followed; {@code op} names the caller for the nil error. */
    private GoValue deref(String op) {
        GoValue x = this;
        while (x.type.uk() == Type.Kind.POINTER) {
            if (x.v == null) throw new IllegalStateException(op + ": nil pointer dereference (a nil " + x.typeName() + ")");
            // a pointer to a struct or array is the aggregate object itself; other pointers are Refs
            x = of(x.type.u().elem, x.v instanceof Values.Ref r ? r.get() : x.v);
        }
        return x;
    }

    /** Field {@code i} of this struct value. */
    private GoValue fieldAt(int i) {
        return of(type.u().types.get(i), ((Values.StructVal) v).f[i]);
    }

    private IllegalStateException wrongKind(String op, String expected) {
        return new IllegalStateException(op + ": a value of type " + typeName() + " is not " + expected);
    }

    private static void render(StringBuilder sb, Type t, Object v, Set<Object> open) {
        if (sb.length() > TEXT_LIMIT) return;
        if (t.isInterface() && v instanceof Values.Iface i) {
            t = i.type();
            v = i.value();
        }
        Type u = t.u();
        if (v == null) {
            sb.append(u.kind == Type.Kind.SLICE ? "[]" : u.kind == Type.Kind.MAP ? "map[]" : "<nil>");
            return;
        }
        switch (u.kind) {
            case BOOL -> sb.append(v);
            case INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR ->
                    sb.append(u.isUnsigned() ? Long.toUnsignedString((Long) v) : v.toString());
            case FLOAT32, FLOAT64 -> sb.append(Fmt.shortest((Double) v, u.kind == Type.Kind.FLOAT32));
            case STRING -> sb.append(GoString.toJava((String) v));
            case POINTER -> {
                sb.append('&');
                render(sb, u.elem, v instanceof Values.Ref r ? r.get() : v, open);
            }
            case STRUCT, ARRAY, SLICE, MAP -> renderAggregate(sb, u, v, open);
            default -> sb.append('<').append(t).append('>');
        }
    }

    /** A struct, array, slice or map: cycles are cut where a value is met again inside itself. */
    private static void renderAggregate(StringBuilder sb, Type u, Object v, Set<Object> open) {
        Object identity = v instanceof Values.SliceVal sv ? sv.a : v;
        if (!open.add(identity)) {
            sb.append(u.kind == Type.Kind.STRUCT ? "{...}" : u.kind == Type.Kind.MAP ? "map[...]" : "[...]");
            return;
        }
        try {
            switch (u.kind) {
                case STRUCT -> {
                    Object[] f = ((Values.StructVal) v).f;
                    sb.append('{');
                    for (int k = 0; k < f.length && sb.length() <= TEXT_LIMIT; k++) {
                        if (k > 0) sb.append(' ');
                        render(sb, u.types.get(k), f[k], open);
                    }
                    sb.append('}');
                }
                case MAP -> {
                    Values.MapVal m = (Values.MapVal) v;
                    Object[] keys = m.keys();
                    Arrays.sort(keys, Fmt.keyOrder());
                    sb.append("map[");
                    for (int k = 0; k < keys.length && sb.length() <= TEXT_LIMIT; k++) {
                        if (k > 0) sb.append(' ');
                        render(sb, u.key, keys[k], open);
                        sb.append(':');
                        render(sb, u.elem, m.get(keys[k]), open);
                    }
                    sb.append(']');
                }
                default -> {
                    Object[] a;
                    int off = 0, len;
                    if (v instanceof Values.SliceVal sv) {
                        a = sv.a;
                        off = sv.off;
                        len = sv.len;
                    } else {
                        a = ((Values.ArrayVal) v).a;
                        len = a.length;
                    }
                    sb.append('[');
                    for (int k = 0; k < len && sb.length() <= TEXT_LIMIT; k++) {
                        if (k > 0) sb.append(' ');
                        render(sb, u.elem, a[off + k], open);
                    }
                    sb.append(']');
                }
            }
        } finally {
            open.remove(identity);
        }
    }
}
