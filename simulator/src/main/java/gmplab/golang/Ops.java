package gmplab.golang;

import gmplab.golang.Values.*;
import gmplab.runtime.Chan;

import java.util.Arrays;

/** The heavier VM operations on slices, arrays, strings, maps and interfaces. */
final class Ops {
    private Ops() { }

    static GoPanic outOfRange(long i, long len) {
        return GoPanic.runtime("index out of range [" + i + "] with length " + len);
    }

    static Object index(Object x, long i) {
        if (x instanceof SliceVal s) {
            if (i < 0 || i >= s.len) throw outOfRange(i, s.len);
            return s.a[s.off + (int) i];
        }
        if (x instanceof ArrayVal a) {
            if (i < 0 || i >= a.a.length) throw outOfRange(i, a.a.length);
            return a.a[(int) i];
        }
        if (x == null) throw i < 0 ? outOfRange(i, 0) : outOfRange(i, 0);
        throw new IllegalStateException("cannot index " + x.getClass().getSimpleName());
    }

    static void setIndex(Object x, long i, Object v) {
        if (x instanceof SliceVal s) {
            if (i < 0 || i >= s.len) throw outOfRange(i, s.len);
            s.a[s.off + (int) i] = v;
        } else if (x instanceof ArrayVal a) {
            if (i < 0 || i >= a.a.length) throw outOfRange(i, a.a.length);
            a.a[(int) i] = v;
        } else if (x == null) {
            throw outOfRange(i, 0);
        } else {
            throw new IllegalStateException("cannot index " + x.getClass().getSimpleName());
        }
    }

    static Object addrIndex(Object x, long i) {
        if (x instanceof SliceVal s) {
            if (i < 0 || i >= s.len) throw outOfRange(i, s.len);
            return new ElemRef(s.a, s.off + (int) i);
        }
        if (x instanceof ArrayVal a) {
            if (i < 0 || i >= a.a.length) throw outOfRange(i, a.a.length);
            return new ElemRef(a.a, (int) i);
        }
        throw outOfRange(i, 0);
    }

    static Object slice(Object x, Long lo, Long hi, Long max) {
        long l = lo == null ? 0 : lo;
        if (x instanceof String s) {
            long h = hi == null ? s.length() : hi;
            if (h < 0 || h > s.length()) throw GoPanic.runtime("slice bounds out of range [:" + h + "] with length " + s.length());
            if (l < 0 || l > h) throw GoPanic.runtime("slice bounds out of range [" + l + ":" + h + "]");
            return s.substring((int) l, (int) h);
        }
        Object[] a;
        int off, len, cap;
        if (x instanceof SliceVal s) {
            a = s.a;
            off = s.off;
            len = s.len;
            cap = s.cap;
        } else if (x instanceof ArrayVal av) {
            a = av.a;
            off = 0;
            len = av.a.length;
            cap = len;
        } else if (x == null) {
            a = new Object[0];
            off = len = cap = 0;
        } else {
            throw new IllegalStateException("cannot slice " + x.getClass().getSimpleName());
        }
        long h = hi == null ? len : hi;
        long m = max == null ? cap : max;
        if (m < 0 || m > cap) throw GoPanic.runtime("slice bounds out of range [::" + m + "] with capacity " + cap);
        if (h < 0 || h > m) {
            if (max != null) throw GoPanic.runtime("slice bounds out of range [:" + h + ":" + m + "]");
            throw GoPanic.runtime("slice bounds out of range [:" + h + "] with capacity " + cap);
        }
        if (l < 0 || l > h) throw GoPanic.runtime("slice bounds out of range [" + l + ":" + h + "]");
        return new SliceVal(a, off + (int) l, (int) (h - l), (int) (m - l));
    }

    static SliceVal append(Program prog, SliceVal s, Object v) {
        if (s == null) {
            prog.allocate(8);
            return new SliceVal(new Object[]{v}, 0, 1, 1);
        }
        if (s.len < s.cap) {
            s.a[s.off + s.len] = v;
            return new SliceVal(s.a, s.off, s.len + 1, s.cap);
        }
        int newCap = grow(s.cap, s.len + 1);
        prog.allocate(8L * newCap);
        Object[] a = new Object[newCap];
        System.arraycopy(s.a, s.off, a, 0, s.len);
        a[s.len] = v;
        return new SliceVal(a, 0, s.len + 1, newCap);
    }

    /** Go 1.19's growslice capacity rule (before rounding to size classes). */
    private static int grow(int oldCap, int needed) {
        int doubled = oldCap + oldCap;
        if (needed > doubled) return needed;
        if (oldCap < 256) return doubled;
        int c = oldCap;
        while (c < needed) c += (c + 3 * 256) / 4;
        return c;
    }

    static SliceVal appendAll(Program prog, SliceVal s, Object t) {
        Object[] src;
        int off, n;
        if (t instanceof String str) {
            src = new Object[str.length()];
            for (int i = 0; i < src.length; i++) src[i] = (long) (str.charAt(i) & 0xFF);
            off = 0;
            n = src.length;
        } else if (t == null) {
            return s;
        } else {
            SliceVal ts = (SliceVal) t;
            src = ts.a;
            off = ts.off;
            n = ts.len;
        }
        if (n == 0) return s;
        if (s == null) s = new SliceVal(new Object[0], 0, 0, 0);
        if (s.len + n <= s.cap) {
            System.arraycopy(src, off, s.a, s.off + s.len, n);
            return new SliceVal(s.a, s.off, s.len + n, s.cap);
        }
        int newCap = grow(s.cap, s.len + n);
        prog.allocate(8L * newCap);
        Object[] a = new Object[newCap];
        System.arraycopy(s.a, s.off, a, 0, s.len);
        System.arraycopy(src, off, a, s.len, n);
        return new SliceVal(a, 0, s.len + n, newCap);
    }

    static long copySlice(SliceVal dst, Object src) {
        if (dst == null) return 0;
        if (src instanceof String str) {
            int n = Math.min(dst.len, str.length());
            for (int i = 0; i < n; i++) dst.a[dst.off + i] = (long) (str.charAt(i) & 0xFF);
            return n;
        }
        SliceVal s = (SliceVal) src;
        if (s == null) return 0;
        int n = Math.min(dst.len, s.len);
        System.arraycopy(s.a, s.off, dst.a, dst.off, n);
        return n;
    }

    static long len(Object x) {
        if (x instanceof String s) return s.length();
        if (x instanceof SliceVal s) return s.len;
        if (x instanceof ArrayVal a) return a.a.length;
        if (x instanceof MapVal m) return m.size();
        if (x instanceof Chan c) return c.len();
        return 0;
    }

    static long cap(Object x) {
        if (x instanceof SliceVal s) return s.cap;
        if (x instanceof ArrayVal a) return a.a.length;
        if (x instanceof Chan c) return c.cap();
        return 0;
    }

    static SliceVal makeSlice(Program prog, Type sliceType, long len, long cap) {
        if (len < 0) throw GoPanic.runtime("makeslice: len out of range");
        if (cap < len) throw GoPanic.runtime("makeslice: cap out of range");
        if (cap > Integer.MAX_VALUE - 8) throw GoPanic.runtime("makeslice: cap out of range");
        prog.allocate(8L * cap);
        Object[] a = new Object[(int) cap];
        Type elem = sliceType.u().elem;
        Object z = Values.zero(elem);
        if (elem.isAggregate()) {
            for (int i = 0; i < a.length; i++) a[i] = Values.zero(elem);
        } else {
            Arrays.fill(a, z);
        }
        return new SliceVal(a, 0, (int) len, (int) cap);
    }

    static void checkHashable(Object k) {
        if (k instanceof Iface i && !i.type().comparable()) {
            throw GoPanic.runtime("hash of unhashable type " + i.type());
        }
    }

    /** Whether interface value {@code v} holds a {@code t} (or implements interface {@code t}). */
    static boolean hasType(Object v, Type t) {
        if (v == null) return false;
        Iface i = (Iface) v;
        if (t.isInterface()) return i.type().missingMethod(t) == null && !needsPtr(i.type(), t);
        return Type.identical(i.type(), t);
    }

    private static boolean needsPtr(Type dyn, Type iface) {
        if (dyn.kind == Type.Kind.POINTER) return false;
        for (String n : iface.u().imethods.keySet()) {
            Type.Method m = dyn.method(n);
            if (m != null && m.ptrRecv) return true;
        }
        return false;
    }

    /** {@code v.(T)} without comma-ok: panics with Go's "interface conversion" message. */
    static Object assertType(Object v, Type t, Type source) {
        if (hasType(v, t)) return t.isInterface() ? v : ((Iface) v).value();
        String src = source.toString();
        if (v == null) {
            throw new GoPanic(new Iface(Natives.RUNTIME_ERROR, "interface conversion: " + src + " is nil, not " + t));
        }
        Iface i = (Iface) v;
        if (t.isInterface()) {
            String missing = i.type().missingMethod(t);
            throw new GoPanic(new Iface(Natives.RUNTIME_ERROR, "interface conversion: " + i.type() + " is not " + t
                    + ": missing method " + (missing == null ? "" : missing)));
        }
        throw new GoPanic(new Iface(Natives.RUNTIME_ERROR, "interface conversion: " + src + " is " + i.type() + ", not " + t));
    }
}
