package gmplab.golang;

import gmplab.golang.Values.SliceVal;

/** Value conversions {@code T(x)} that change representation (operand of {@link Op#CONV}). */
final class Conv {
    private Conv() { }

    static final int INT_TO_FLOAT = 0, UINT_TO_FLOAT = 1, FLOAT_TO_INT = 2, RUNE_TO_STRING = 3, STRING_TO_BYTES = 4,
            BYTES_TO_STRING = 5, STRING_TO_RUNES = 6, RUNES_TO_STRING = 7, FLOAT_TO_UINT = 8;

    static Object convert(Machine m, Object v, int kind) {
        switch (kind) {
            case INT_TO_FLOAT:
                return (double) (Long) v;
            case UINT_TO_FLOAT: {
                long x = (Long) v;
                return x >= 0 ? (double) x : ((double) (x >>> 1)) * 2.0 + (x & 1);
            }
            case FLOAT_TO_INT:
                return (long) (double) (Double) v;
            case FLOAT_TO_UINT: {
                double d = (Double) v;
                return d >= 9.223372036854775807E18 ? (long) (d - 9.223372036854775807E18) + Long.MIN_VALUE : (long) d;
            }
            case RUNE_TO_STRING:
                return GoString.fromRune((Long) v);
            case STRING_TO_BYTES: {
                String s = (String) v;
                Object[] a = new Object[s.length()];
                for (int i = 0; i < a.length; i++) a[i] = (long) (s.charAt(i) & 0xFF);
                m.prog.allocate(a.length);
                return new SliceVal(a, 0, a.length, a.length);
            }
            case BYTES_TO_STRING: {
                SliceVal s = (SliceVal) v;
                if (s == null) return "";
                StringBuilder sb = new StringBuilder(s.len);
                for (int i = 0; i < s.len; i++) sb.append((char) ((Long) s.a[s.off + i] & 0xFF));
                return sb.toString();
            }
            case STRING_TO_RUNES: {
                String s = (String) v;
                Object[] a = new Object[GoString.runeCount(s)];
                int k = 0;
                for (int i = 0; i < s.length(); ) {
                    long rw = GoString.decodeRune(s, i);
                    a[k++] = rw >> 8;
                    i += (int) (rw & 0xFF);
                }
                return new SliceVal(a, 0, a.length, a.length);
            }
            case RUNES_TO_STRING: {
                SliceVal s = (SliceVal) v;
                if (s == null) return "";
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < s.len; i++) GoString.appendUtf8(sb, (int) (long) (Long) s.a[s.off + i]);
                return sb.toString();
            }
            default:
                throw new IllegalStateException("bad conversion " + kind);
        }
    }
}
