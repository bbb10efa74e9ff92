package gmplab.golang;

import gmplab.golang.Ast.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the names of a function's variables that must live in cells: those
 * referenced inside a nested function literal (captured by reference) and those
 * whose address is taken with {@code &}. Conservative: it works on names, before
 * resolution, so a shadowed name may be boxed needlessly (harmless).
 */
final class CaptureScan {
    private CaptureScan() { }

    private static final Map<Class<?>, List<Field>> FIELDS = new HashMap<>();

    static Set<String> scan(Node body) {
        Set<String> out = new HashSet<>();
        walk(body, 0, out);
        return out;
    }

    private static void walk(Object o, int depth, Set<String> out) {
        if (o == null) return;
        if (o instanceof List<?> list) {
            for (Object x : list) walk(x, depth, out);
            return;
        }
        if (!(o instanceof Node n)) return;
        if (n instanceof Ident id) {
            if (depth > 0) out.add(id.name);
            return;
        }
        if (n instanceof Unary u && u.op == Tok.AND) {
            Expr x = u.x;
            while (x instanceof Paren p) x = p.x;
            if (x instanceof Ident id) out.add(id.name);
        }
        if (n instanceof Call c && c.fun instanceof Selector s && s.x instanceof Ident recv) {
            // a method call may need the receiver's address (pointer method on a non-struct named type)
            out.add(recv.name);
        }
        if (n instanceof Selector s) {
            // only the operand can name a variable
            walk(s.x, depth, out);
            return;
        }
        int d = n instanceof FuncLit ? depth + 1 : depth;
        for (Field f : fields(n.getClass())) {
            try {
                walk(f.get(n), d, out);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static synchronized List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> fs = new ArrayList<>();
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                if (Node.class.isAssignableFrom(f.getType()) || List.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    fs.add(f);
                }
            }
            return fs;
        });
    }

    /** Every identifier that occurs anywhere in {@code n} (for initialization order). */
    static Set<String> idents(Object n) {
        Set<String> out = new HashSet<>();
        collect(n, out);
        return out;
    }

    private static void collect(Object o, Set<String> out) {
        if (o == null) return;
        if (o instanceof List<?> list) {
            for (Object x : list) collect(x, out);
            return;
        }
        if (!(o instanceof Node n)) return;
        if (n instanceof Ident id) {
            out.add(id.name);
            return;
        }
        for (Field f : fields(n.getClass())) {
            try {
                collect(f.get(n), out);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
