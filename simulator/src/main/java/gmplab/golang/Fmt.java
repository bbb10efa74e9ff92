package gmplab.golang;

import gmplab.golang.Values.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Go's {@code fmt} formatting, driven by static types and the dynamic types held in
 * interface values: {@code Print}, {@code Println} and {@code Printf} verbs with
 * flags, width and precision, {@code Error()}/{@code String()} methods, maps sorted
 * by key, and floats in Go's shortest representation.
 */
final class Fmt {
    private Fmt() { }

    /** Parsed flags of one verb. */
    private static final class Spec {
        boolean plus, minus, sharp, space, zero;
        int width = -1, prec = -1;
        char verb = 'v';
        boolean plusV, sharpV;
    }

    // ---------------------------------------------------------------- Print family

    /** {@code fmt.Sprint}: spaces between operands when neither is a string. */
    static String sprint(Machine m, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            boolean isStr = a instanceof Iface ia && ia.type().uk() == Type.Kind.STRING;
            if (i > 0 && !isStr) {
                Object prev = args.get(i - 1);
                boolean prevStr = prev instanceof Iface ip && ip.type().uk() == Type.Kind.STRING;
                if (!prevStr) sb.append(' ');
            }
            printArg(m, sb, a, new Spec());
        }
        return sb.toString();
    }

    /** {@code fmt.Sprintln}: always spaces, and a newline. */
    static String sprintln(Machine m, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(' ');
            printArg(m, sb, args.get(i), new Spec());
        }
        return sb.append('\n').toString();
    }

    /** {@code fmt.Sprintf}. */
    static String sprintf(Machine m, String format, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        int argi = 0;
        int n = format.length();
        for (int i = 0; i < n; ) {
            char c = format.charAt(i);
            if (c != '%') {
                sb.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= n) {
                sb.append("%!(NOVERB)");
                break;
            }
            Spec s = new Spec();
            flags:
            while (i < n) {
                switch (format.charAt(i)) {
                    case '+' -> s.plus = true;
                    case '-' -> s.minus = true;
                    case '#' -> s.sharp = true;
                    case ' ' -> s.space = true;
                    case '0' -> s.zero = true;
                    default -> {
                        break flags;
                    }
                }
                i++;
            }
            if (i < n && format.charAt(i) == '*') {
                i++;
                if (argi < args.size() && args.get(argi) instanceof Iface w && w.value() instanceof Long l) {
                    s.width = (int) (long) l;
                    if (s.width < 0) {
                        s.minus = true;
                        s.width = -s.width;
                    }
                } else sb.append("%!(BADWIDTH)");
                argi++;
            } else {
                int st = i;
                while (i < n && Character.isDigit(format.charAt(i))) i++;
                if (i > st) s.width = Integer.parseInt(format.substring(st, i));
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    i++;
                    if (argi < args.size() && args.get(argi) instanceof Iface w && w.value() instanceof Long l) {
                        s.prec = (int) (long) l;
                    } else sb.append("%!(BADPREC)");
                    argi++;
                } else {
                    int st = i;
                    while (i < n && Character.isDigit(format.charAt(i))) i++;
                    s.prec = i > st ? Integer.parseInt(format.substring(st, i)) : 0;
                }
            }
            if (i >= n) {
                sb.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i++);
            s.verb = verb;
            if (verb == '%') {
                sb.append('%');
                continue;
            }
            if (argi >= args.size()) {
                sb.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(argi++);
            if (verb == 'v') {
                if (s.plus) {
                    s.plusV = true;
                    s.plus = false;
                }
                if (s.sharp) {
                    s.sharpV = true;
                    s.sharp = false;
                }
            }
            printArg(m, sb, arg, s);
        }
        if (argi < args.size()) {
            sb.append("%!(EXTRA ");
            for (int k = argi; k < args.size(); k++) {
                if (k > argi) sb.append(", ");
                Object a = args.get(k);
                if (a == null) sb.append("<nil>");
                else {
                    sb.append(((Iface) a).type()).append('=');
                    printArg(m, sb, a, new Spec());
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- operands

    private static void printArg(Machine m, StringBuilder sb, Object arg, Spec s) {
        if (arg == null) {
            switch (s.verb) {
                case 'T', 'v' -> pad(sb, "<nil>", s);
                default -> sb.append("%!").append(s.verb).append("(<nil>)");
            }
            return;
        }
        Iface i = (Iface) arg;
        if (s.verb == 'T') {
            pad(sb, i.type().toString(), s);
            return;
        }
        if (s.verb == 'p') {
            pad(sb, pointerString(m, i.value()), s);
            return;
        }
        printValue(m, sb, i.type(), i.value(), s, 0);
    }

    /** Calls {@code Error()} or {@code String()} on an interface value; returns the Go string. */
    static String callStringMethod(Machine m, Iface i) {
        Type.Method meth = i.type().method("Error");
        if (meth == null) meth = i.type().method("String");
        Object recv = Values.receiver(meth, i.type(), i.value());
        if (meth.nat != null) return (String) meth.nat.call(m, new Object[]{recv});
        return (String) m.callSync(new BoundMethod(meth.code, recv));
    }

    /** Whether {@code t}'s method set has {@code Error() string} or {@code String() string}. */
    private static boolean hasStringMethod(Type t) {
        for (String name : new String[]{"Error", "String"}) {
            Type.Method meth = t.method(name);
            if (meth == null) continue;
            if (meth.ptrRecv && t.kind != Type.Kind.POINTER) continue;
            if (meth.sig.types.isEmpty() && meth.sig.results.size() == 1 && meth.sig.results.get(0).uk() == Type.Kind.STRING) {
                return true;
            }
        }
        return false;
    }

    private static void printValue(Machine m, StringBuilder sb, Type t, Object v, Spec s, int depth) {
        if (t.isInterface()) {
            if (v == null) {
                if (depth == 0 || s.verb == 'v' || s.verb == 's') pad(sb, "<nil>", s);
                else sb.append("%!").append(s.verb).append("(<nil>)");
                return;
            }
            Iface i = (Iface) v;
            printValue(m, sb, i.type(), i.value(), s, depth + 1);
            return;
        }
        if (!s.sharpV && (s.verb == 'v' || s.verb == 's' || s.verb == 'q' || s.verb == 'x' || s.verb == 'X')
                && hasStringMethod(t)) {
            if (t.kind == Type.Kind.POINTER && v == null) {
                pad(sb, "<nil>", s);
                return;
            }
            String str;
            try {
                str = callStringMethod(m, new Iface(t, v));
            } catch (GoPanic p) {
                if (t.kind == Type.Kind.POINTER && v == null) {
                    sb.append("<nil>");
                    return;
                }
                throw p;
            }
            formatString(sb, str, s);
            return;
        }
        Type u = t.u();
        switch (u.kind) {
            case BOOL -> {
                if (s.verb == 'v' || s.verb == 't') pad(sb, v.toString(), s);
                else badVerb(m, sb, t, v, s);
            }
            case INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR ->
                    formatInt(m, sb, t, (Long) v, u.isUnsigned(), s);
            case FLOAT32, FLOAT64 -> formatFloat(m, sb, t, (Double) v, u.kind == Type.Kind.FLOAT32, s);
            case STRING -> {
                if (s.sharpV) {
                    pad(sb, quote((String) v), s);
                    return;
                }
                if ("vsqxX".indexOf(s.verb) < 0) {
                    badVerb(m, sb, t, v, s);
                    return;
                }
                formatString(sb, (String) v, s);
            }
            case SLICE, ARRAY -> {
                Object[] a;
                int off, len;
                if (v instanceof SliceVal sv) {
                    a = sv.a;
                    off = sv.off;
                    len = sv.len;
                } else if (v instanceof ArrayVal av) {
                    a = av.a;
                    off = 0;
                    len = av.a.length;
                } else {
                    a = new Object[0];
                    off = len = 0;
                }
                Type.Kind ek = u.elem.uk();
                if (ek == Type.Kind.UINT8 && (s.verb == 's' || s.verb == 'q' || s.verb == 'x' || s.verb == 'X')) {
                    StringBuilder bytes = new StringBuilder();
                    for (int k = 0; k < len; k++) bytes.append((char) ((Long) a[off + k] & 0xFF));
                    formatString(sb, bytes.toString(), s);
                    return;
                }
                if (s.sharpV) {
                    if (v == null && u.kind == Type.Kind.SLICE) {
                        sb.append(t).append("(nil)");
                        return;
                    }
                    sb.append(t).append('{');
                    for (int k = 0; k < len; k++) {
                        if (k > 0) sb.append(", ");
                        printValue(m, sb, u.elem, a[off + k], s, depth + 1);
                    }
                    sb.append('}');
                    return;
                }
                sb.append('[');
                for (int k = 0; k < len; k++) {
                    if (k > 0) sb.append(' ');
                    printValue(m, sb, u.elem, a[off + k], s, depth + 1);
                }
                sb.append(']');
            }
            case MAP -> {
                MapVal mv = (MapVal) v;
                if (s.sharpV) {
                    if (mv == null) {
                        sb.append(t).append("(nil)");
                        return;
                    }
                    sb.append(t).append('{');
                } else sb.append("map[");
                if (mv != null) {
                    List<Object> keys = new ArrayList<>(java.util.Arrays.asList(mv.keys()));
                    keys.sort(Fmt::compareKeys);
                    boolean first = true;
                    for (Object k : keys) {
                        if (!first) sb.append(s.sharpV ? ", " : " ");
                        first = false;
                        printValue(m, sb, u.key, k, s, depth + 1);
                        sb.append(':');
                        printValue(m, sb, u.elem, mv.get(k), s, depth + 1);
                    }
                }
                sb.append(s.sharpV ? '}' : ']');
            }
            case STRUCT -> {
                StructVal sv = (StructVal) v;
                if (s.sharpV) sb.append(t);
                sb.append('{');
                for (int k = 0; k < u.types.size(); k++) {
                    if (k > 0) sb.append(s.sharpV ? ", " : " ");
                    if (s.plusV || s.sharpV) sb.append(u.names.get(k)).append(':');
                    printValue(m, sb, u.types.get(k), sv.f[k], s, depth + 1);
                }
                sb.append('}');
            }
            case POINTER -> {
                if (v == null) {
                    if (s.sharpV) sb.append('(').append(t).append(")(nil)");
                    else pad(sb, "<nil>", s);
                    return;
                }
                if (depth == 0 && (u.elem.uk() == Type.Kind.STRUCT || u.elem.uk() == Type.Kind.ARRAY
                        || u.elem.uk() == Type.Kind.SLICE || u.elem.uk() == Type.Kind.MAP) && s.verb == 'v') {
                    sb.append('&');
                    Object target = v instanceof Ref r ? r.get() : v;
                    printValue(m, sb, u.elem, target, s, depth + 1);
                    return;
                }
                pad(sb, s.sharpV ? "(" + t + ")(" + pointerString(m, v) + ")" : pointerString(m, v), s);
            }
            case CHAN, FUNC, UNSAFE_POINTER -> {
                if (v == null) pad(sb, s.sharpV ? "(" + t + ")(nil)" : u.kind == Type.Kind.FUNC && s.verb == 'v' ? "<nil>" : "<nil>", s);
                else pad(sb, pointerString(m, v), s);
            }
            default -> pad(sb, String.valueOf(v), s);
        }
    }

    private static void badVerb(Machine m, StringBuilder sb, Type t, Object v, Spec s) {
        sb.append("%!").append(s.verb).append('(').append(t).append('=');
        Spec plain = new Spec();
        printValue(m, sb, t, v, plain, 1);
        sb.append(')');
    }

    private static int compareKeys(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        if (a instanceof Iface x && b instanceof Iface y) {
            int c = x.type().toString().compareTo(y.type().toString());
            return c != 0 ? c : compareKeys(x.value(), y.value());
        }
        if (a instanceof StructVal x && b instanceof StructVal y) {
            for (int i = 0; i < x.f.length; i++) {
                int c = compareKeys(x.f[i], y.f[i]);
                if (c != 0) return c;
            }
            return 0;
        }
        if (a instanceof ArrayVal x && b instanceof ArrayVal y) {
            for (int i = 0; i < x.a.length; i++) {
                int c = compareKeys(x.a[i], y.a[i]);
                if (c != 0) return c;
            }
            return 0;
        }
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return 0; // pointers, channels: keep insertion order (sort is stable)
    }

    // ---------------------------------------------------------------- scalars

    private static void formatInt(Machine m, StringBuilder sb, Type t, long v, boolean unsigned, Spec s) {
        String digits;
        boolean neg = !unsigned && v < 0;
        long mag = neg ? -v : v;
        switch (s.verb) {
            case 'v', 'd' -> digits = unsigned || !neg ? Long.toUnsignedString(mag) : Long.toUnsignedString(mag);
            case 'x' -> digits = Long.toHexString(mag);
            case 'X' -> digits = Long.toHexString(mag).toUpperCase();
            case 'o', 'O' -> digits = Long.toOctalString(mag);
            case 'b' -> digits = Long.toBinaryString(mag);
            case 'c' -> {
                pad(sb, GoString.fromRune(v), s);
                return;
            }
            case 'q' -> {
                pad(sb, quoteRune((int) v), s);
                return;
            }
            case 'U' -> {
                String h = Long.toHexString(v).toUpperCase();
                while (h.length() < 4) h = "0" + h;
                pad(sb, "U+" + h, s);
                return;
            }
            case 'e', 'f', 'g', 'E', 'G', 's', 't', 'F' -> {
                badVerb(m, sb, t, v, s);
                return;
            }
            default -> {
                badVerb(m, sb, t, v, s);
                return;
            }
        }
        if (s.sharpV && t.isNamed()) {
            // %#v of a named integer prints the number (Go prints it plainly too)
        }
        if (s.prec >= 0) {
            while (digits.length() < s.prec) digits = "0" + digits;
            if (s.prec == 0 && v == 0) digits = "";
        }
        String prefix = "";
        if (s.sharp) {
            if (s.verb == 'x') prefix = "0x";
            else if (s.verb == 'X') prefix = "0X";
            else if (s.verb == 'o') prefix = "0";
        }
        if (s.verb == 'O') prefix = "0o";
        String sign = neg ? "-" : s.plus ? "+" : s.space ? " " : "";
        String body = prefix + digits;
        if (s.zero && !s.minus && s.width > 0 && s.prec < 0) {
            while (sign.length() + body.length() < s.width) body = "0" + body;
            sb.append(sign).append(body);
            return;
        }
        pad(sb, sign + body, s);
    }

    private static void formatFloat(Machine m, StringBuilder sb, Type t, double v, boolean f32, Spec s) {
        String str;
        switch (s.verb) {
            case 'v', 'g', 'G' -> str = s.prec >= 0 ? formatG(v, s.prec, f32) : shortest(v, f32);
            case 'f', 'F' -> str = fixed(v, s.prec < 0 ? 6 : s.prec);
            case 'e', 'E' -> str = exp(v, s.prec < 0 ? 6 : s.prec);
            default -> {
                badVerb(m, sb, t, v, s);
                return;
            }
        }
        if (s.verb == 'E' || s.verb == 'G') str = str.toUpperCase();
        if (s.plus && !str.startsWith("-") && !str.equals("NaN")) str = "+" + str;
        else if (s.space && !str.startsWith("-")) str = " " + str;
        if (s.zero && !s.minus && s.width > 0 && !Double.isInfinite(v) && !Double.isNaN(v)) {
            String sign = str.startsWith("-") || str.startsWith("+") || str.startsWith(" ") ? str.substring(0, 1) : "";
            String body = str.substring(sign.length());
            while (sign.length() + body.length() < s.width) body = "0" + body;
            sb.append(sign).append(body);
            return;
        }
        pad(sb, str, s);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return null;
    }

    /** {@code %f} with {@code prec} digits, rounding the exact binary value half-to-even as Go does. */
    static String fixed(double v, int prec) {
        String sp = special(v);
        if (sp != null) return sp;
        String r = new BigDecimal(v).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        if ((v < 0 || (v == 0 && 1 / v < 0)) && !r.startsWith("-")) r = "-" + r;
        return r;
    }

    /** {@code %e} with {@code prec} digits after the point. */
    static String exp(double v, int prec) {
        String sp = special(v);
        if (sp != null) return sp;
        if (v == 0) return (1 / v < 0 ? "-" : "") + "0" + (prec > 0 ? "." + "0".repeat(prec) : "") + "e+00";
        BigDecimal bd = new BigDecimal(v).round(new java.math.MathContext(prec + 1, RoundingMode.HALF_EVEN));
        return sci(bd.unscaledValue().abs().toString(), bd.precision() - bd.scale() - 1, v < 0, prec);
    }

    private static String sci(String digits, int exp, boolean neg, int prec) {
        // digits may have trailing zeros stripped or be shorter than prec+1
        StringBuilder d = new StringBuilder(digits);
        while (d.length() < prec + 1) d.append('0');
        StringBuilder out = new StringBuilder();
        if (neg) out.append('-');
        out.append(d.charAt(0));
        if (prec > 0) out.append('.').append(d, 1, prec + 1);
        out.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) out.append('0');
        out.append(ae);
        return out.toString();
    }

    /** The shortest decimal digits that round-trip, and the decimal exponent: {digits, exp}. */
    private static Object[] shortestDigits(double v, boolean f32) {
        BigDecimal exact = new BigDecimal(Math.abs(v));
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
            boolean ok = f32 ? (float) r.doubleValue() == (float) Math.abs(v) : r.doubleValue() == Math.abs(v);
            if (ok) {
                BigDecimal st = r.stripTrailingZeros();
                String digits = st.unscaledValue().toString();
                int exp = st.precision() - st.scale() - 1;
                return new Object[]{digits, exp};
            }
        }
        BigDecimal st = exact.round(new java.math.MathContext(17)).stripTrailingZeros();
        return new Object[]{st.unscaledValue().toString(), st.precision() - st.scale() - 1};
    }

    /** {@code %v} of a float: strconv's shortest 'g' format. */
    static String shortest(double v, boolean f32) {
        String sp = special(v);
        if (sp != null) return sp;
        boolean neg = v < 0 || (v == 0 && 1 / v < 0);
        if (v == 0) return neg ? "-0" : "0";
        Object[] de = shortestDigits(v, f32);
        String digits = (String) de[0];
        int exp = (Integer) de[1];
        int eprec = 6; // strconv: with the shortest precision, %e is used for exp < -4 || exp >= 6
        String out;
        if (exp < -4 || exp >= eprec) {
            out = sci(digits, exp, false, digits.length() - 1);
        } else {
            out = plain(digits, exp);
        }
        return neg ? "-" + out : out;
    }

    private static String plain(String digits, int exp) {
        StringBuilder sb = new StringBuilder();
        if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) sb.append('0');
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp; i++) sb.append('0');
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }

    /** {@code %.Ng}. */
    private static String formatG(double v, int prec, boolean f32) {
        String sp = special(v);
        if (sp != null) return sp;
        if (prec == 0) prec = 1;
        if (v == 0) return "0";
        BigDecimal bd = new BigDecimal(Math.abs(v)).round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = bd.precision() - bd.scale() - 1;
        int eprec = prec;
        if (eprec > digits.length() && digits.length() >= exp + 1) eprec = digits.length();
        String out = exp < -4 || exp >= eprec ? sci(digits, exp, false, digits.length() - 1) : plain(digits, exp);
        return v < 0 ? "-" + out : out;
    }

    // ---------------------------------------------------------------- strings

    private static void formatString(StringBuilder sb, String str, Spec s) {
        switch (s.verb) {
            case 'q' -> pad(sb, s.sharp && str.indexOf('`') < 0 ? "`" + str + "`" : quote(str), s);
            case 'x', 'X' -> {
                StringBuilder h = new StringBuilder();
                for (int i = 0; i < str.length(); i++) {
                    if (s.space && i > 0) h.append(' ');
                    h.append(String.format(s.verb == 'x' ? "%02x" : "%02X", str.charAt(i) & 0xFF));
                }
                pad(sb, h.toString(), s);
            }
            default -> {
                if (s.prec >= 0 && s.prec < GoString.runeCount(str)) {
                    int i = 0;
                    for (int r = 0; r < s.prec; r++) i += (int) (GoString.decodeRune(str, i) & 0xFF);
                    str = str.substring(0, i);
                }
                pad(sb, str, s);
            }
        }
    }

    /** Pads to the width counting runes, left or right, as fmt does. */
    private static void pad(StringBuilder sb, String str, Spec s) {
        if (s.width < 0) {
            sb.append(str);
            return;
        }
        int n = GoString.runeCount(str);
        if (n >= s.width) {
            sb.append(str);
            return;
        }
        String fill = (s.zero && !s.minus && "sqvxXT".indexOf(s.verb) >= 0 ? "0" : " ").repeat(s.width - n);
        if (s.minus) sb.append(str).append(" ".repeat(s.width - n));
        else sb.append(fill).append(str);
    }

    /** {@code strconv.Quote} on a Go byte string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            long rw = GoString.decodeRune(s, i);
            int r = (int) (rw >> 8);
            int w = (int) (rw & 0xFF);
            if (r == 0xFFFD && w == 1 && (s.charAt(i) & 0xFF) >= 0x80) {
                sb.append(String.format("\\x%02x", s.charAt(i) & 0xFF));
                i++;
                continue;
            }
            appendEscaped(sb, r, '"');
            i += w;
        }
        return sb.append('"').toString();
    }

    /** {@code strconv.QuoteRune}. */
    static String quoteRune(int r) {
        StringBuilder sb = new StringBuilder("'");
        appendEscaped(sb, r, '\'');
        return sb.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder sb, int r, char quote) {
        switch (r) {
            case '\u0007' -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 11 -> sb.append("\\v");
            case '\\' -> sb.append("\\\\");
            default -> {
                if (r == quote) sb.append('\\').append(quote);
                else if (r < 0x20 || r == 0x7F) sb.append(String.format("\\x%02x", r));
                else if (r < 0x80) sb.append((char) r);
                else if (Character.isISOControl(r) || !Character.isDefined(r)) {
                    sb.append(r < 0x10000 ? String.format("\\u%04x", r) : String.format("\\U%08x", r));
                } else GoString.appendUtf8(sb, r);
            }
        }
    }

    // ---------------------------------------------------------------- pointers

    /**
     * A stable fake address for {@code %p} and pointer printing: numbered per run in order
     * of first printing, so a replay prints the same text.
     */
    static String pointerString(Machine m, Object v) {
        if (v == null) return "0x0";
        return "0x" + Long.toHexString(m == null ? 0xc000010000L : m.prog.addressOf(v));
    }

    static Comparator<Object> keyOrder() {
        return Fmt::compareKeys;
    }
}
