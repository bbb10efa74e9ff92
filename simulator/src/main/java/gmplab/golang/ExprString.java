package gmplab.golang;

import gmplab.golang.Ast.*;

/** Prints an expression the way {@code go/types.ExprString} does, for error messages. */
final class ExprString {
    private ExprString() { }

    static String of(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(sb, e);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Expr e) {
        if (e == null) return;
        if (e instanceof Ident id) sb.append(id.name);
        else if (e instanceof BasicLit b) {
            switch (b.kind) {
                case STRING -> sb.append(Fmt.quote(b.value));
                case CHAR -> sb.append(Fmt.quoteRune(b.value.codePointAt(0)));
                default -> sb.append(b.value);
            }
        } else if (e instanceof Paren p) {
            sb.append('(');
            write(sb, p.x);
            sb.append(')');
        } else if (e instanceof Selector s) {
            write(sb, s.x);
            sb.append('.').append(s.sel.name);
        } else if (e instanceof Index i) {
            write(sb, i.x);
            sb.append('[');
            write(sb, i.index);
            sb.append(']');
        } else if (e instanceof SliceExpr s) {
            write(sb, s.x);
            sb.append('[');
            write(sb, s.lo);
            sb.append(':');
            write(sb, s.hi);
            if (s.max != null) {
                sb.append(':');
                write(sb, s.max);
            }
            sb.append(']');
        } else if (e instanceof TypeAssert t) {
            write(sb, t.x);
            sb.append(".(");
            if (t.typeExpr == null) sb.append("type");
            else write(sb, t.typeExpr);
            sb.append(')');
        } else if (e instanceof Call c) {
            write(sb, c.fun);
            sb.append('(');
            for (int i = 0; i < c.args.size(); i++) {
                if (i > 0) sb.append(", ");
                write(sb, c.args.get(i));
            }
            if (c.ellipsis) sb.append("...");
            sb.append(')');
        } else if (e instanceof Star s) {
            sb.append('*');
            write(sb, s.x);
        } else if (e instanceof Unary u) {
            sb.append(u.op.text);
            write(sb, u.x);
        } else if (e instanceof Binary b) {
            write(sb, b.x);
            sb.append(' ').append(b.op.text).append(' ');
            write(sb, b.y);
        } else if (e instanceof KeyValue kv) {
            write(sb, kv.key);
            sb.append(": ");
            write(sb, kv.value);
        } else if (e instanceof CompositeLit cl) {
            write(sb, cl.typeExpr);
            sb.append(cl.elts.isEmpty() ? "{}" : "{…}");
        } else if (e instanceof FuncLit) {
            sb.append("(func literal)");
        } else if (e instanceof ArrayTypeExpr a) {
            sb.append('[');
            if (a.dots) sb.append("...");
            write(sb, a.len);
            sb.append(']');
            write(sb, a.elem);
        } else if (e instanceof MapTypeExpr m) {
            sb.append("map[");
            write(sb, m.key);
            sb.append(']');
            write(sb, m.value);
        } else if (e instanceof ChanTypeExpr c) {
            sb.append(c.dir == Type.RECV ? "<-chan " : c.dir == Type.SEND ? "chan<- " : "chan ");
            write(sb, c.elem);
        } else if (e instanceof FuncTypeExpr) {
            sb.append("func(...)");
        } else if (e instanceof StructTypeExpr) {
            sb.append("struct{...}");
        } else if (e instanceof InterfaceTypeExpr) {
            sb.append("interface{...}");
        } else sb.append('?');
    }
}
