package gmplab.lessons;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiz templates: {@code {{expr}}} is replaced by its value. {@code expr} is integer
 * arithmetic over the variant's params ({@code n}, {@code n-1}, {@code n/2+1},
 * {@code (n-1)%4}) or {@code seq A B} — the numbers A..B separated by spaces
 * (empty when B &lt; A).
 */
public final class Template {
    private static final Pattern HOLE = Pattern.compile("\\{\\{(.*?)}}");

    private Template() {
    }

    /** Thrown for a malformed expression or an unknown parameter. */
    public static final class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message);
        }
    }

    public static String render(String text, Map<String, Long> params) {
        if (text == null) return null;
        Matcher m = HOLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(eval(m.group(1).strip(), params)));
        m.appendTail(sb);
        return sb.toString();
    }

    static String eval(String expr, Map<String, Long> params) {
        if (expr.startsWith("seq ")) {
            String[] parts = expr.substring(4).strip().split("\\s+");
            if (parts.length != 2) throw new TemplateException("seq needs two bounds: {{seq A B}}");
            long a = new Arith(parts[0], params).parse();
            long b = new Arith(parts[1], params).parse();
            if (b - a > 10_000) throw new TemplateException("seq range too long");
            StringBuilder sb = new StringBuilder();
            for (long i = a; i <= b; i++) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(i);
            }
            return sb.toString();
        }
        return Long.toString(new Arith(expr, params).parse());
    }

    /** Recursive descent over + - * / % and parentheses. */
    private static final class Arith {
        private final String s;
        private final Map<String, Long> params;
        private int i;

        Arith(String s, Map<String, Long> params) {
            this.s = s;
            this.params = params;
        }

        long parse() {
            long v = sum();
            skip();
            if (i != s.length()) throw new TemplateException("unexpected '" + s.substring(i) + "' in {{" + s + "}}");
            return v;
        }

        private void skip() {
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }

        private long sum() {
            long v = prod();
            while (true) {
                skip();
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    char op = s.charAt(i++);
                    long r = prod();
                    v = op == '+' ? v + r : v - r;
                } else {
                    return v;
                }
            }
        }

        private long prod() {
            long v = atom();
            while (true) {
                skip();
                if (i < s.length() && "*/%".indexOf(s.charAt(i)) >= 0) {
                    char op = s.charAt(i++);
                    long r = atom();
                    if (op != '*' && r == 0) throw new TemplateException("division by zero in {{" + s + "}}");
                    v = op == '*' ? v * r : op == '/' ? v / r : v % r;
                } else {
                    return v;
                }
            }
        }

        private long atom() {
            skip();
            if (i >= s.length()) throw new TemplateException("expression ends early: {{" + s + "}}");
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                long v = sum();
                skip();
                if (i >= s.length() || s.charAt(i) != ')') throw new TemplateException("missing ')' in {{" + s + "}}");
                i++;
                return v;
            }
            if (c == '-') {
                i++;
                return -atom();
            }
            int j = i;
            if (Character.isDigit(c)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                long v = Long.parseLong(s.substring(i, j));
                i = j;
                return v;
            }
            if (Character.isLetter(c)) {
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                String name = s.substring(i, j);
                i = j;
                Long v = params.get(name);
                if (v == null) throw new TemplateException("unknown parameter '" + name + "' in {{" + s + "}}");
                return v;
            }
            throw new TemplateException("unexpected '" + c + "' in {{" + s + "}}");
        }
    }
}
