package gmplab.golang;

import gmplab.golang.Natives.Pkg;
import gmplab.golang.Values.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static gmplab.golang.Natives.method;
import static gmplab.golang.Natives.sig;

/** {@code strings}, {@code strconv}, {@code math}, {@code sort}, {@code unicode} and {@code unicode/utf8}. */
final class StringsPkg {
    private StringsPkg() { }

    private static List<Type> L(Type... ts) {
        return List.of(ts);
    }

    private static SliceVal strSlice(List<String> parts) {
        return Natives.sliceOf(parts.toArray());
    }

    private static List<String> strList(Object slice) {
        List<String> out = new ArrayList<>();
        for (Object o : Natives.elems(slice)) out.add((String) o);
        return out;
    }

    static void define(Map<String, Pkg> pkgs) {
        Type s = Type.STRING, i = Type.INT, b = Type.BOOL, ss = Type.slice(Type.STRING), f = Type.FLOAT64;
        Type r = Type.INT32;
        Type builder = Stdlib.BUILDER;
        method(builder, "WriteString", true, sig(L(s), i, Type.ERROR), (m, a) -> {
            sb(a[0]).append((String) a[1]);
            return new Object[]{(long) ((String) a[1]).length(), null};
        });
        method(builder, "WriteByte", true, sig(L(Type.UINT8), Type.ERROR), (m, a) -> {
            sb(a[0]).append((char) ((Long) a[1] & 0xFF));
            return null;
        });
        method(builder, "WriteRune", true, sig(L(r), i, Type.ERROR), (m, a) -> {
            String enc = GoString.fromRune((Long) a[1]);
            sb(a[0]).append(enc);
            return new Object[]{(long) enc.length(), null};
        });
        method(builder, "String", true, sig(L(), s), (m, a) -> sb(a[0]).toString());
        method(builder, "Len", true, sig(L(), i), (m, a) -> (long) sb(a[0]).length());
        method(builder, "Reset", true, sig(L()), (m, a) -> {
            sb(a[0]).setLength(0);
            return null;
        });
        pkgs.put("strings", new Pkg("strings", "strings").type("Builder", builder)
                .func("Repeat", sig(L(s, i), s), (m, a) -> {
                    long n = (Long) a[1];
                    if (n < 0) throw GoPanic.plain("strings: negative Repeat count");
                    m.prog.allocate(n * ((String) a[0]).length());
                    return ((String) a[0]).repeat((int) n);
                })
                .func("Join", sig(L(ss, s), s), (m, a) -> String.join((String) a[1], strList(a[0])))
                .func("HasPrefix", sig(L(s, s), b), (m, a) -> ((String) a[0]).startsWith((String) a[1]))
                .func("HasSuffix", sig(L(s, s), b), (m, a) -> ((String) a[0]).endsWith((String) a[1]))
                .func("Contains", sig(L(s, s), b), (m, a) -> ((String) a[0]).contains((String) a[1]))
                .func("ContainsRune", sig(L(s, r), b), (m, a) -> ((String) a[0]).contains(GoString.fromRune((Long) a[1])))
                .func("Index", sig(L(s, s), i), (m, a) -> (long) ((String) a[0]).indexOf((String) a[1]))
                .func("LastIndex", sig(L(s, s), i), (m, a) -> (long) ((String) a[0]).lastIndexOf((String) a[1]))
                .func("IndexByte", sig(L(s, Type.UINT8), i), (m, a) -> (long) ((String) a[0]).indexOf((char) (long) (Long) a[1]))
                .func("Count", sig(L(s, s), i), (m, a) -> count((String) a[0], (String) a[1]))
                .func("ToUpper", sig(L(s), s), (m, a) -> GoString.fromJava(GoString.toJava((String) a[0]).toUpperCase()))
                .func("ToLower", sig(L(s), s), (m, a) -> GoString.fromJava(GoString.toJava((String) a[0]).toLowerCase()))
                .func("Title", sig(L(s), s), (m, a) -> title((String) a[0]))
                .func("TrimSpace", sig(L(s), s), (m, a) -> ((String) a[0]).strip())
                .func("Trim", sig(L(s, s), s), (m, a) -> trim((String) a[0], (String) a[1], true, true))
                .func("TrimLeft", sig(L(s, s), s), (m, a) -> trim((String) a[0], (String) a[1], true, false))
                .func("TrimRight", sig(L(s, s), s), (m, a) -> trim((String) a[0], (String) a[1], false, true))
                .func("TrimPrefix", sig(L(s, s), s), (m, a) -> ((String) a[0]).startsWith((String) a[1])
                        ? ((String) a[0]).substring(((String) a[1]).length()) : a[0])
                .func("TrimSuffix", sig(L(s, s), s), (m, a) -> ((String) a[0]).endsWith((String) a[1])
                        ? ((String) a[0]).substring(0, ((String) a[0]).length() - ((String) a[1]).length()) : a[0])
                .func("Split", sig(L(s, s), ss), (m, a) -> strSlice(split((String) a[0], (String) a[1])))
                .func("Fields", sig(L(s), ss), (m, a) -> {
                    String t = ((String) a[0]).strip();
                    return strSlice(t.isEmpty() ? List.of() : Arrays.asList(t.split("[ \\t\\n\\r\\x0b\\f]+")));
                })
                .func("Replace", sig(L(s, s, s, i), s), (m, a) -> replace((String) a[0], (String) a[1], (String) a[2], (Long) a[3]))
                .func("ReplaceAll", sig(L(s, s, s), s), (m, a) -> replace((String) a[0], (String) a[1], (String) a[2], -1))
                .func("EqualFold", sig(L(s, s), b), (m, a) -> GoString.toJava((String) a[0]).equalsIgnoreCase(GoString.toJava((String) a[1]))));

        pkgs.put("strconv", new Pkg("strconv", "strconv").type("NumError", Stdlib.NUM_ERROR)
                .func("Itoa", sig(L(i), s), (m, a) -> Long.toString((Long) a[0]))
                .func("Atoi", sig(L(s), i, Type.ERROR), (m, a) -> atoi("Atoi", (String) a[0]))
                .func("ParseInt", sig(L(s, i, i), Type.INT64, Type.ERROR), (m, a) -> parseInt((String) a[0], (Long) a[1]))
                .func("ParseFloat", sig(L(s, i), f, Type.ERROR), (m, a) -> parseFloat((String) a[0]))
                .func("ParseBool", sig(L(s), b, Type.ERROR), (m, a) -> parseBool((String) a[0]))
                .func("FormatInt", sig(L(Type.INT64, i), s), (m, a) -> Long.toString((Long) a[0], (int) (long) (Long) a[1]))
                .func("FormatBool", sig(L(b), s), (m, a) -> a[0].toString())
                .func("FormatFloat", sig(L(f, Type.UINT8, i, i), s), (m, a) ->
                        formatFloat((Double) a[0], (char) (long) (Long) a[1], (int) (long) (Long) a[2], (Long) a[3] == 32))
                .func("Quote", sig(L(s), s), (m, a) -> Fmt.quote((String) a[0])));

        Pkg math = new Pkg("math", "math")
                .constant("Pi", Type.UNTYPED_FLOAT, Math.PI).constant("E", Type.UNTYPED_FLOAT, Math.E)
                .constant("MaxInt64", Type.UNTYPED_INT, Long.MAX_VALUE).constant("MinInt64", Type.UNTYPED_INT, Long.MIN_VALUE)
                .constant("MaxInt", Type.UNTYPED_INT, Long.MAX_VALUE).constant("MinInt", Type.UNTYPED_INT, Long.MIN_VALUE)
                .constant("MaxInt32", Type.UNTYPED_INT, (long) Integer.MAX_VALUE).constant("MinInt32", Type.UNTYPED_INT, (long) Integer.MIN_VALUE)
                .constant("MaxInt8", Type.UNTYPED_INT, 127L).constant("MaxInt16", Type.UNTYPED_INT, 32767L)
                .constant("MaxUint8", Type.UNTYPED_INT, 255L).constant("MaxUint16", Type.UNTYPED_INT, 65535L)
                .constant("MaxUint32", Type.UNTYPED_INT, 4294967295L)
                .constant("MaxFloat64", Type.UNTYPED_FLOAT, Double.MAX_VALUE)
                .func("Inf", sig(L(i), f), (m, a) -> (Long) a[0] >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                .func("NaN", sig(L(), f), (m, a) -> Double.NaN)
                .func("IsNaN", sig(L(f), b), (m, a) -> Double.isNaN((Double) a[0]))
                .func("IsInf", sig(L(f, i), b), (m, a) -> {
                    double d = (Double) a[0];
                    long sign = (Long) a[1];
                    return sign >= 0 && d == Double.POSITIVE_INFINITY || sign <= 0 && d == Double.NEGATIVE_INFINITY;
                })
                .func("Max", sig(L(f, f), f), (m, a) -> Math.max((Double) a[0], (Double) a[1]))
                .func("Min", sig(L(f, f), f), (m, a) -> Math.min((Double) a[0], (Double) a[1]))
                .func("Pow", sig(L(f, f), f), (m, a) -> Math.pow((Double) a[0], (Double) a[1]))
                .func("Mod", sig(L(f, f), f), (m, a) -> (Double) a[0] % (Double) a[1]);
        for (String fn : new String[]{"Sqrt", "Abs", "Floor", "Ceil", "Trunc", "Round", "Log", "Log2", "Log10", "Exp", "Sin", "Cos", "Tan", "Cbrt"}) {
            math.func(fn, sig(L(f), f), (m, a) -> unary(fn, (Double) a[0]));
        }
        pkgs.put("math", math);

        pkgs.put("sort", new Pkg("sort", "sort")
                .func("Ints", sig(L(Type.slice(i))), (m, a) -> sortSlice(a[0], (x, y) -> Long.compare((Long) x, (Long) y)))
                .func("Float64s", sig(L(Type.slice(f))), (m, a) -> sortSlice(a[0], (x, y) -> Double.compare((Double) x, (Double) y)))
                .func("Strings", sig(L(ss)), (m, a) -> sortSlice(a[0], (x, y) -> ((String) x).compareTo((String) y)))
                .func("Slice", sig(L(Type.ANY, Type.func(L(i, i), L(b), false))), (m, a) -> sortBy(m, a[0], a[1]))
                .func("SliceStable", sig(L(Type.ANY, Type.func(L(i, i), L(b), false))), (m, a) -> sortBy(m, a[0], a[1]))
                .func("SearchInts", sig(L(Type.slice(i), i), i), (m, a) -> {
                    List<Object> xs = Natives.elems(a[0]);
                    long k = 0;
                    while (k < xs.size() && (Long) xs.get((int) k) < (Long) a[1]) k++;
                    return k;
                }));

        defineSortInterface(pkgs.get("sort"));

        pkgs.put("unicode/utf8", new Pkg("unicode/utf8", "utf8")
                .constant("RuneError", Type.UNTYPED_RUNE, 0xFFFDL)
                .func("RuneCountInString", sig(L(s), i), (m, a) -> (long) GoString.runeCount((String) a[0]))
                .func("RuneLen", sig(L(r), i), (m, a) -> (long) GoString.fromRune((Long) a[0]).length())
                .func("ValidString", sig(L(s), b), (m, a) -> GoString.fromJava(GoString.toJava((String) a[0])).equals(a[0])));

        pkgs.put("unicode", new Pkg("unicode", "unicode")
                .func("IsUpper", sig(L(r), b), (m, a) -> Character.isUpperCase((int) (long) (Long) a[0]))
                .func("IsLower", sig(L(r), b), (m, a) -> Character.isLowerCase((int) (long) (Long) a[0]))
                .func("IsLetter", sig(L(r), b), (m, a) -> Character.isLetter((int) (long) (Long) a[0]))
                .func("IsDigit", sig(L(r), b), (m, a) -> Character.isDigit((int) (long) (Long) a[0]))
                .func("IsSpace", sig(L(r), b), (m, a) -> Character.isWhitespace((int) (long) (Long) a[0]))
                .func("ToUpper", sig(L(r), r), (m, a) -> (long) Character.toUpperCase((int) (long) (Long) a[0]))
                .func("ToLower", sig(L(r), r), (m, a) -> (long) Character.toLowerCase((int) (long) (Long) a[0])));
    }

    static final Type SORT_INTERFACE = Type.named("Interface", "sort", null);
    static final Type INT_SLICE = Type.named("IntSlice", "sort", Type.slice(Type.INT));
    static final Type STRING_SLICE = Type.named("StringSlice", "sort", Type.slice(Type.STRING));
    static final Type REVERSE = Type.named("reverse", "sort", Type.struct(List.of("Interface"), List.of(SORT_INTERFACE)));

    /** {@code sort.Interface}, {@code sort.Sort}, {@code sort.Reverse}, {@code sort.IntSlice}, {@code sort.StringSlice}. */
    private static void defineSortInterface(Pkg sort) {
        Type i = Type.INT, b = Type.BOOL;
        java.util.Map<String, Type> ms = new java.util.LinkedHashMap<>();
        ms.put("Len", sig(L(), i));
        ms.put("Less", sig(L(i, i), b));
        ms.put("Swap", sig(L(i, i)));
        SORT_INTERFACE.underlying = Type.iface(ms);
        for (Type st : new Type[]{INT_SLICE, STRING_SLICE}) {
            method(st, "Len", false, sig(L(), i), (m, a) -> (long) (a[0] == null ? 0 : ((SliceVal) a[0]).len));
            method(st, "Less", false, sig(L(i, i), b), (m, a) -> {
                SliceVal s = (SliceVal) a[0];
                Object x = s.a[s.off + (int) (long) (Long) a[1]], y = s.a[s.off + (int) (long) (Long) a[2]];
                return x instanceof Long lx ? lx < (Long) y : ((String) x).compareTo((String) y) < 0;
            });
            method(st, "Swap", false, sig(L(i, i)), (m, a) -> {
                SliceVal s = (SliceVal) a[0];
                int p = s.off + (int) (long) (Long) a[1], q = s.off + (int) (long) (Long) a[2];
                Object t = s.a[p];
                s.a[p] = s.a[q];
                s.a[q] = t;
                return null;
            });
        }
        method(REVERSE, "Len", false, sig(L(), i), (m, a) -> callMethod(m, ((StructVal) a[0]).f[0], "Len"));
        method(REVERSE, "Less", false, sig(L(i, i), b), (m, a) -> callMethod(m, ((StructVal) a[0]).f[0], "Less", a[2], a[1]));
        method(REVERSE, "Swap", false, sig(L(i, i)), (m, a) -> callMethod(m, ((StructVal) a[0]).f[0], "Swap", a[1], a[2]));
        sort.type("Interface", SORT_INTERFACE).type("IntSlice", INT_SLICE).type("StringSlice", STRING_SLICE)
                .func("Sort", sig(L(SORT_INTERFACE)), (m, a) -> sortInterface(m, a[0]))
                .func("Stable", sig(L(SORT_INTERFACE)), (m, a) -> sortInterface(m, a[0]))
                .func("Reverse", sig(L(SORT_INTERFACE), SORT_INTERFACE), (m, a) ->
                        new Iface(REVERSE, new StructVal(REVERSE, new Object[]{a[0]})));
    }

    /** Calls a method of an interface value from Java (Go code runs synchronously). */
    static Object callMethod(Machine m, Object iface, String name, Object... args) {
        if (iface == null) throw GoPanic.nilDeref();
        Iface f = (Iface) iface;
        Type.Method meth = f.type().method(name);
        Object recv = Values.receiver(meth, f.type(), f.value());
        Object[] all = new Object[args.length + 1];
        all[0] = recv;
        System.arraycopy(args, 0, all, 1, args.length);
        if (meth.nat != null) return meth.nat.call(m, all);
        return m.callSync(new BoundMethod(meth.code, recv), args);
    }

    /** {@code sort.Sort}: a stable insertion sort through Len/Less/Swap. */
    private static Object sortInterface(Machine m, Object data) {
        long n = (Long) callMethod(m, data, "Len");
        for (long k = 1; k < n; k++) {
            for (long j = k; j > 0 && (Boolean) callMethod(m, data, "Less", j, j - 1); j--) {
                callMethod(m, data, "Swap", j, j - 1);
            }
        }
        return null;
    }

    /** {@code strconv.FormatFloat} for the 'f', 'e', 'g' formats (prec -1: shortest). */
    static String formatFloat(double v, char fmt, int prec, boolean f32) {
        if (f32) v = (float) v;
        switch (fmt) {
            case 'f':
                if (prec >= 0) return Fmt.fixed(v, prec);
                String sh = Fmt.shortest(v, f32);
                if (!sh.contains("e")) return sh;
                return new java.math.BigDecimal(sh).toPlainString();
            case 'e':
                if (prec >= 0) return Fmt.exp(v, prec);
                java.math.BigDecimal d = new java.math.BigDecimal(Fmt.shortest(v, f32)).stripTrailingZeros();
                return Fmt.exp(v, Math.max(0, d.precision() - 1));
            default:
                return prec < 0 ? Fmt.shortest(v, f32) : Fmt.sprintf(null, "%." + prec + "g", List.of(new Iface(Type.FLOAT64, v)));
        }
    }

    private static StringBuilder sb(Object recv) {
        if (recv == null) throw GoPanic.nilDeref();
        StructVal sv = (StructVal) recv;
        if (sv.f[0] == null) sv.f[0] = new StringBuilder();
        return (StringBuilder) sv.f[0];
    }

    private static double unary(String fn, double x) {
        return switch (fn) {
            case "Sqrt" -> Math.sqrt(x);
            case "Abs" -> Math.abs(x);
            case "Floor" -> Math.floor(x);
            case "Ceil" -> Math.ceil(x);
            case "Trunc" -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case "Round" -> x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
            case "Log" -> Math.log(x);
            case "Log2" -> Math.log(x) / Math.log(2);
            case "Log10" -> Math.log10(x);
            case "Exp" -> Math.exp(x);
            case "Sin" -> Math.sin(x);
            case "Cos" -> Math.cos(x);
            case "Tan" -> Math.tan(x);
            case "Cbrt" -> Math.cbrt(x);
            default -> throw new IllegalArgumentException(fn);
        };
    }

    private static long count(String s, String sep) {
        if (sep.isEmpty()) return GoString.runeCount(s) + 1;
        long n = 0;
        for (int k = s.indexOf(sep); k >= 0; k = s.indexOf(sep, k + sep.length())) n++;
        return n;
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start && c < 0x80 ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return sb.toString();
    }

    private static String trim(String s, String cut, boolean left, boolean right) {
        int a = 0, z = s.length();
        while (left && a < z && cut.indexOf(s.charAt(a)) >= 0) a++;
        while (right && z > a && cut.indexOf(s.charAt(z - 1)) >= 0) z--;
        return s.substring(a, z);
    }

    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            for (int k = 0; k < s.length(); ) {
                int w = (int) (GoString.decodeRune(s, k) & 0xFF);
                out.add(s.substring(k, k + w));
                k += w;
            }
            return out;
        }
        int start = 0;
        for (int k = s.indexOf(sep); k >= 0; k = s.indexOf(sep, start)) {
            out.add(s.substring(start, k));
            start = k + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    private static String replace(String s, String old, String neu, long n) {
        if (n < 0) return old.isEmpty() ? s : s.replace(old, neu);
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (long k = 0; k < n; k++) {
            int at = s.indexOf(old, start);
            if (at < 0) break;
            sb.append(s, start, at).append(neu);
            start = at + old.length();
        }
        return sb.append(s.substring(start)).toString();
    }

    private static Object numError(String fn, String num, String why) {
        return new Iface(Stdlib.PTR_NUM_ERROR, new StructVal(Stdlib.NUM_ERROR, new Object[]{fn, num, Stdlib.newError(why)}));
    }

    private static Object[] atoi(String fn, String str) {
        String t = str.startsWith("+") ? str.substring(1) : str;
        if (t.isEmpty() || !t.matches("-?[0-9]+")) return new Object[]{0L, numError(fn, str, "invalid syntax")};
        try {
            return new Object[]{Long.parseLong(t), null};
        } catch (NumberFormatException e) {
            return new Object[]{t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE, numError(fn, str, "value out of range")};
        }
    }

    private static Object[] parseInt(String str, long base) {
        try {
            return new Object[]{Long.parseLong(str.startsWith("+") ? str.substring(1) : str, base == 0 ? 10 : (int) base), null};
        } catch (NumberFormatException e) {
            return new Object[]{0L, numError("ParseInt", str, "invalid syntax")};
        }
    }

    private static Object[] parseFloat(String str) {
        try {
            if (str.isEmpty() || !str.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?(Inf|inf|NaN)")) {
                throw new NumberFormatException();
            }
            return new Object[]{Double.parseDouble(str.replace("Inf", "Infinity").replace("inf", "Infinity")), null};
        } catch (NumberFormatException e) {
            return new Object[]{0.0, numError("ParseFloat", str, "invalid syntax")};
        }
    }

    private static Object[] parseBool(String str) {
        return switch (str) {
            case "1", "t", "T", "true", "TRUE", "True" -> new Object[]{true, null};
            case "0", "f", "F", "false", "FALSE", "False" -> new Object[]{false, null};
            default -> new Object[]{false, numError("ParseBool", str, "invalid syntax")};
        };
    }

    private static Object sortSlice(Object slice, java.util.Comparator<Object> cmp) {
        if (slice == null) return null;
        SliceVal s = (SliceVal) slice;
        Arrays.sort(s.a, s.off, s.off + s.len, cmp);
        return null;
    }

    /** {@code sort.Slice}: a stable insertion/merge sort driven by the Go less function. */
    private static Object sortBy(Machine m, Object x, Object less) {
        if (x == null) return null;
        SliceVal s = (SliceVal) ((Iface) x).value();
        if (s == null) return null;
        int n = s.len;
        // sort a permutation using less(i, j) on the original positions, then apply it
        Integer[] perm = new Integer[n];
        for (int k = 0; k < n; k++) perm[k] = k;
        Object[] snapshot = Arrays.copyOfRange(s.a, s.off, s.off + n);
        Arrays.sort(perm, (p, q) -> {
            if ((Boolean) m.callSync(less, (long) p, (long) q)) return -1;
            if ((Boolean) m.callSync(less, (long) q, (long) p)) return 1;
            return 0;
        });
        for (int k = 0; k < n; k++) s.a[s.off + k] = snapshot[perm[k]];
        return null;
    }
}
