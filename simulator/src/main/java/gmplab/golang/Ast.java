package gmplab.golang;

import java.util.List;

/**
 * The syntax tree of the Go subset, shaped like {@code go/ast}. Expression nodes
 * carry a {@code type} slot the checker fills in, and constants their value.
 */
final class Ast {
    private Ast() { }

    // ---------------------------------------------------------------- expressions

    abstract static class Expr extends Node {
        /** Set by the checker: the expression's type. */
        Type type;
        /** Set by the checker for constant expressions: Long, Double, String, Boolean or BigInteger. */
        Object constValue;

        Expr(Token at) {
            super(at);
        }

        Expr(int line, int col) {
            super(line, col);
        }
    }

    static final class Ident extends Expr {
        final String name;
        /** Set by the checker: what the name refers to. */
        Symbol sym;

        Ident(Token at) {
            super(at);
            this.name = at.text();
        }
    }

    static final class BasicLit extends Expr {
        final Tok kind;
        final String value;

        BasicLit(Token at) {
            super(at);
            this.kind = at.kind();
            this.value = at.text();
        }
    }

    static final class CompositeLit extends Expr {
        final Expr typeExpr; // null when elided inside another composite literal
        final List<Expr> elts;

        CompositeLit(Token at, Expr typeExpr, List<Expr> elts) {
            super(at);
            this.typeExpr = typeExpr;
            this.elts = elts;
        }
    }

    static final class KeyValue extends Expr {
        final Expr key;
        final Expr value;

        KeyValue(Token at, Expr key, Expr value) {
            super(at);
            this.key = key;
            this.value = value;
        }
    }

    static final class FuncLit extends Expr {
        final FuncTypeExpr sig;
        final Block body;

        FuncLit(Token at, FuncTypeExpr sig, Block body) {
            super(at);
            this.sig = sig;
            this.body = body;
        }
    }

    static final class Paren extends Expr {
        final Expr x;

        Paren(Token at, Expr x) {
            super(at);
            this.x = x;
        }
    }

    static final class Selector extends Expr {
        final Expr x;
        final Ident sel;

        Selector(Token at, Expr x, Ident sel) {
            super(at);
            this.x = x;
            this.sel = sel;
        }
    }

    static final class Index extends Expr {
        final Expr x;
        final Expr index;

        Index(Token at, Expr x, Expr index) {
            super(at);
            this.x = x;
            this.index = index;
        }
    }

    static final class SliceExpr extends Expr {
        final Expr x;
        final Expr lo, hi, max;

        SliceExpr(Token at, Expr x, Expr lo, Expr hi, Expr max) {
            super(at);
            this.x = x;
            this.lo = lo;
            this.hi = hi;
            this.max = max;
        }
    }

    static final class TypeAssert extends Expr {
        final Expr x;
        final Expr typeExpr; // null for x.(type)

        TypeAssert(Token at, Expr x, Expr typeExpr) {
            super(at);
            this.x = x;
            this.typeExpr = typeExpr;
        }
    }

    static final class Call extends Expr {
        final Expr fun;
        final List<Expr> args;
        final boolean ellipsis;
        /** Position of the closing parenthesis (gc reports missing arguments there). */
        int rparenLine, rparenCol;

        Call(Token at, Expr fun, List<Expr> args, boolean ellipsis) {
            super(fun.line, fun.col);
            this.fun = fun;
            this.args = args;
            this.ellipsis = ellipsis;
        }
    }

    static final class Star extends Expr {
        final Expr x;

        Star(Token at, Expr x) {
            super(at);
            this.x = x;
        }
    }

    static final class Unary extends Expr {
        final Tok op;
        final Expr x;

        Unary(Token at, Tok op, Expr x) {
            super(at);
            this.op = op;
            this.x = x;
        }
    }

    static final class Binary extends Expr {
        final Tok op;
        final Expr x, y;

        Binary(Token at, Tok op, Expr x, Expr y) {
            super(at);
            this.op = op;
            this.x = x;
            this.y = y;
        }
    }

    // ---------------------------------------------------------------- type expressions

    static final class ArrayTypeExpr extends Expr {
        final Expr len; // null for a slice; Ellipsis-less "[...]" is len == null && dots
        final boolean dots;
        final Expr elem;

        ArrayTypeExpr(Token at, Expr len, boolean dots, Expr elem) {
            super(at);
            this.len = len;
            this.dots = dots;
            this.elem = elem;
        }
    }

    static final class MapTypeExpr extends Expr {
        final Expr key, value;

        MapTypeExpr(Token at, Expr key, Expr value) {
            super(at);
            this.key = key;
            this.value = value;
        }
    }

    static final class ChanTypeExpr extends Expr {
        final int dir; // Type.BOTH, Type.SEND, Type.RECV
        final Expr elem;

        ChanTypeExpr(Token at, int dir, Expr elem) {
            super(at);
            this.dir = dir;
            this.elem = elem;
        }
    }

    static final class Field extends Node {
        final List<Ident> names; // empty for an anonymous parameter / embedded field
        final Expr typeExpr;
        final boolean variadic;

        Field(Token at, List<Ident> names, Expr typeExpr, boolean variadic) {
            super(at);
            this.names = names;
            this.typeExpr = typeExpr;
            this.variadic = variadic;
        }
    }

    static final class FuncTypeExpr extends Expr {
        final List<Field> params;
        final List<Field> results;

        FuncTypeExpr(Token at, List<Field> params, List<Field> results) {
            super(at);
            this.params = params;
            this.results = results;
        }
    }

    static final class StructTypeExpr extends Expr {
        final List<Field> fields;

        StructTypeExpr(Token at, List<Field> fields) {
            super(at);
            this.fields = fields;
        }
    }

    static final class InterfaceTypeExpr extends Expr {
        final List<Field> methods; // names.size()==1 and FuncTypeExpr, or embedded interface

        InterfaceTypeExpr(Token at, List<Field> methods) {
            super(at);
            this.methods = methods;
        }
    }

    // ---------------------------------------------------------------- statements

    abstract static class Stmt extends Node {
        Stmt(Token at) {
            super(at);
        }
    }

    static final class Block extends Stmt {
        final List<Stmt> stmts;
        final Token rbrace;

        Block(Token at, List<Stmt> stmts, Token rbrace) {
            super(at);
            this.stmts = stmts;
            this.rbrace = rbrace;
        }
    }

    static final class ExprStmt extends Stmt {
        final Expr x;

        ExprStmt(Token at, Expr x) {
            super(at);
            this.x = x;
        }
    }

    static final class SendStmt extends Stmt {
        final Expr chan, value;

        SendStmt(Token at, Expr chan, Expr value) {
            super(at);
            this.chan = chan;
            this.value = value;
        }
    }

    static final class IncDec extends Stmt {
        final Expr x;
        final boolean inc;

        IncDec(Token at, Expr x, boolean inc) {
            super(at);
            this.x = x;
            this.inc = inc;
        }
    }

    static final class Assign extends Stmt {
        final List<Expr> lhs;
        final Tok op; // ASSIGN, DEFINE, or an op-assign
        final List<Expr> rhs;

        Assign(Token at, List<Expr> lhs, Tok op, List<Expr> rhs) {
            super(at);
            this.lhs = lhs;
            this.op = op;
            this.rhs = rhs;
        }
    }

    static final class GoStmt extends Stmt {
        final Call call;

        GoStmt(Token at, Call call) {
            super(at);
            this.call = call;
        }
    }

    static final class DeferStmt extends Stmt {
        final Call call;

        DeferStmt(Token at, Call call) {
            super(at);
            this.call = call;
        }
    }

    static final class Return extends Stmt {
        final List<Expr> results;

        Return(Token at, List<Expr> results) {
            super(at);
            this.results = results;
        }
    }

    static final class Branch extends Stmt {
        final Tok tok; // BREAK, CONTINUE, GOTO, FALLTHROUGH
        final Ident label;

        Branch(Token at, Tok tok, Ident label) {
            super(at);
            this.tok = tok;
            this.label = label;
        }
    }

    static final class Labeled extends Stmt {
        final Ident label;
        final Stmt stmt;

        Labeled(Token at, Ident label, Stmt stmt) {
            super(at);
            this.label = label;
            this.stmt = stmt;
        }
    }

    static final class If extends Stmt {
        final Stmt init;
        final Expr cond;
        final Block then;
        final Stmt els; // null, If or Block

        If(Token at, Stmt init, Expr cond, Block then, Stmt els) {
            super(at);
            this.init = init;
            this.cond = cond;
            this.then = then;
            this.els = els;
        }
    }

    static final class CaseClause extends Stmt {
        final List<Expr> list; // null for default
        final List<Stmt> body;

        CaseClause(Token at, List<Expr> list, List<Stmt> body) {
            super(at);
            this.list = list;
            this.body = body;
        }
    }

    static final class Switch extends Stmt {
        final Stmt init;
        final Expr tag; // may be null
        final List<CaseClause> clauses;

        Switch(Token at, Stmt init, Expr tag, List<CaseClause> clauses) {
            super(at);
            this.init = init;
            this.tag = tag;
            this.clauses = clauses;
        }
    }

    static final class TypeSwitch extends Stmt {
        final Stmt init;
        final Ident bind; // v in v := x.(type), may be null
        final Expr x;
        final List<CaseClause> clauses;

        TypeSwitch(Token at, Stmt init, Ident bind, Expr x, List<CaseClause> clauses) {
            super(at);
            this.init = init;
            this.bind = bind;
            this.x = x;
            this.clauses = clauses;
        }
    }

    static final class CommClause extends Stmt {
        final Stmt comm; // SendStmt, ExprStmt(<-c), Assign(v[,ok] = / := <-c) or null for default
        final List<Stmt> body;

        CommClause(Token at, Stmt comm, List<Stmt> body) {
            super(at);
            this.comm = comm;
            this.body = body;
        }
    }

    static final class Select extends Stmt {
        final List<CommClause> clauses;

        Select(Token at, List<CommClause> clauses) {
            super(at);
            this.clauses = clauses;
        }
    }

    static final class For extends Stmt {
        final Stmt init;
        final Expr cond;
        final Stmt post;
        final Block body;

        For(Token at, Stmt init, Expr cond, Stmt post, Block body) {
            super(at);
            this.init = init;
            this.cond = cond;
            this.post = post;
            this.body = body;
        }
    }

    static final class Range extends Stmt {
        final Expr key, value; // may be null
        final boolean define;
        final Expr x;
        final Block body;

        Range(Token at, Expr key, Expr value, boolean define, Expr x, Block body) {
            super(at);
            this.key = key;
            this.value = value;
            this.define = define;
            this.x = x;
            this.body = body;
        }
    }

    static final class DeclStmt extends Stmt {
        final GenDecl decl;

        DeclStmt(Token at, GenDecl decl) {
            super(at);
            this.decl = decl;
        }
    }

    static final class Empty extends Stmt {
        Empty(Token at) {
            super(at);
        }
    }

    // ---------------------------------------------------------------- declarations

    static final class ValueSpec extends Node {
        final List<Ident> names;
        final Expr typeExpr;
        final List<Expr> values;
        final int iota;

        ValueSpec(Token at, List<Ident> names, Expr typeExpr, List<Expr> values, int iota) {
            super(at);
            this.names = names;
            this.typeExpr = typeExpr;
            this.values = values;
            this.iota = iota;
        }
    }

    static final class TypeSpec extends Node {
        final Ident name;
        final Expr typeExpr;
        final boolean alias;

        TypeSpec(Token at, Ident name, Expr typeExpr, boolean alias) {
            super(at);
            this.name = name;
            this.typeExpr = typeExpr;
            this.alias = alias;
        }
    }

    static final class ImportSpec extends Node {
        final String path;
        final Ident alias;

        ImportSpec(Token at, String path, Ident alias) {
            super(at);
            this.path = path;
            this.alias = alias;
        }
    }

    /** A {@code var}, {@code const}, {@code type} or {@code import} declaration. */
    static final class GenDecl extends Node {
        final Tok kind;
        final List<Node> specs;

        GenDecl(Token at, Tok kind, List<Node> specs) {
            super(at);
            this.kind = kind;
            this.specs = specs;
        }
    }

    static final class FuncDecl extends Node {
        final Field recv; // null for a plain function
        final Ident name;
        final FuncTypeExpr sig;
        final Block body;

        FuncDecl(Token at, Field recv, Ident name, FuncTypeExpr sig, Block body) {
            super(at);
            this.recv = recv;
            this.name = name;
            this.sig = sig;
            this.body = body;
        }
    }

    static final class File extends Node {
        final String pkg;
        final List<ImportSpec> imports;
        final List<Node> decls;

        File(Token at, String pkg, List<ImportSpec> imports, List<Node> decls) {
            super(at);
            this.pkg = pkg;
            this.imports = imports;
            this.decls = decls;
        }
    }
}
