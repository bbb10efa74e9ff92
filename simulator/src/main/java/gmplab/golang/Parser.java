package gmplab.golang;

import gmplab.golang.Ast.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the Go subset, following the Go spec's grammar.
 * Syntax errors are reported like gc's ({@code syntax error: unexpected x, expecting y})
 * and parsing resumes at the next statement, so several errors are reported at once.
 */
final class Parser {
    private final List<Token> toks;
    private final Diagnostics diags;
    private int p;
    /** Expression nesting level: composite literals are not allowed at level -1 (if/for/switch headers). */
    private int exprLev;

    /** Thrown to abandon the current statement after a syntax error. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    Parser(List<Token> toks, Diagnostics diags) {
        this.toks = toks;
        this.diags = diags;
    }

    static File parse(String source, Diagnostics diags) {
        List<Token> toks = new Lexer(source, diags).tokenize();
        return new Parser(toks, diags).file();
    }

    // ---------------------------------------------------------------- helpers

    private Token tok() {
        return toks.get(p);
    }

    private Tok kind() {
        return toks.get(p).kind();
    }

    private Tok peekKind(int n) {
        return toks.get(Math.min(p + n, toks.size() - 1)).kind();
    }

    private Token advance() {
        Token t = toks.get(p);
        if (p < toks.size() - 1) p++;
        return t;
    }

    private boolean got(Tok k) {
        if (kind() == k) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(Tok k, String context) {
        if (kind() != k) {
            syntaxError("expecting " + describe(k) + (context.isEmpty() ? "" : " " + context));
        }
        return advance();
    }

    private static String describe(Tok k) {
        return switch (k) {
            case IDENT -> "name";
            case SEMICOLON -> "semicolon or newline";
            default -> k.isKeyword() ? k.text : k.text;
        };
    }

    private String unexpected() {
        Token t = tok();
        return switch (t.kind()) {
            case EOF -> "EOF";
            case SEMICOLON -> "\n".equals(t.text()) ? "newline" : "semicolon";
            case IDENT -> "name " + t.text();
            case INT, FLOAT -> "literal " + t.text();
            case STRING -> "literal " + Fmt.quote(t.text());
            case CHAR -> "literal " + Fmt.quoteRune(t.text().codePointAt(0));
            default -> t.kind().isKeyword() ? "keyword " + t.kind().text : t.kind().text;
        };
    }

    private RuntimeException syntaxError(String expecting) {
        Token t = tok();
        diags.error(t.line(), t.col(), "syntax error: unexpected " + unexpected()
                + (expecting.isEmpty() ? "" : (expecting.startsWith("expecting") ? ", " : " ") + expecting));
        throw new SyntaxError();
    }

    private RuntimeException plainSyntaxError(String message) {
        Token t = tok();
        diags.error(t.line(), t.col(), "syntax error: " + message);
        throw new SyntaxError();
    }

    /** Skips to the end of the current statement after a syntax error. */
    private void recover() {
        int depth = 0;
        while (kind() != Tok.EOF) {
            Tok k = kind();
            if (k == Tok.LBRACE) depth++;
            if (k == Tok.RBRACE) {
                if (depth == 0) return;
                depth--;
            }
            if (k == Tok.SEMICOLON && depth == 0) {
                advance();
                return;
            }
            advance();
        }
    }

    // ---------------------------------------------------------------- file and declarations

    File file() {
        Token start = tok();
        String pkg = "main";
        List<ImportSpec> imports = new ArrayList<>();
        List<Node> decls = new ArrayList<>();
        try {
            expect(Tok.PACKAGE, "");
            pkg = expect(Tok.IDENT, "").text();
            expect(Tok.SEMICOLON, "after package clause");
            while (kind() == Tok.IMPORT) {
                Token at = advance();
                if (got(Tok.LPAREN)) {
                    while (kind() != Tok.RPAREN && kind() != Tok.EOF) {
                        imports.add(importSpec());
                        if (kind() != Tok.RPAREN) expect(Tok.SEMICOLON, "");
                    }
                    expect(Tok.RPAREN, "");
                } else {
                    imports.add(importSpec());
                }
                if (kind() != Tok.EOF) expect(Tok.SEMICOLON, "after import declaration");
            }
        } catch (SyntaxError e) {
            recover();
        }
        while (kind() != Tok.EOF) {
            try {
                switch (kind()) {
                    case FUNC -> decls.add(funcDecl());
                    case VAR, CONST, TYPE -> decls.add(genDecl());
                    case IMPORT -> plainSyntaxError("imports must appear before other declarations");
                    default -> plainSyntaxError("non-declaration statement outside function body");
                }
                if (kind() != Tok.EOF) expect(Tok.SEMICOLON, "after top level declaration");
            } catch (SyntaxError e) {
                recover();
                while (kind() == Tok.RBRACE) advance();
            }
        }
        return new File(start, pkg, imports, decls);
    }

    private ImportSpec importSpec() {
        Token at = tok();
        Ident alias = null;
        if (kind() == Tok.IDENT) alias = new Ident(advance());
        else if (kind() == Tok.PERIOD) {
            advance();
            diags.error(at.line(), at.col(), "not supported by GMP Lab: dot imports");
        }
        Token path = expect(Tok.STRING, "");
        return new ImportSpec(at, path.text(), alias);
    }

    private FuncDecl funcDecl() {
        Token at = expect(Tok.FUNC, "");
        Field recv = null;
        if (kind() == Tok.LPAREN) {
            List<Field> r = params();
            if (r.size() != 1) diags.error(at.line(), at.col(), "method has multiple receivers");
            recv = r.isEmpty() ? null : r.get(0);
        }
        Ident name = new Ident(expect(Tok.IDENT, ""));
        if (kind() == Tok.LBRACK) {
            diags.error(tok().line(), tok().col(), "not supported by GMP Lab: generic functions");
            throw new SyntaxError();
        }
        FuncTypeExpr sig = signature(at);
        Block body = null;
        if (kind() == Tok.LBRACE) {
            exprLev++;
            body = block();
            exprLev--;
        }
        return new FuncDecl(at, recv, name, sig, body);
    }

    private GenDecl genDecl() {
        Token at = advance();
        Tok k = at.kind();
        List<Node> specs = new ArrayList<>();
        if (got(Tok.LPAREN)) {
            int iota = 0;
            ValueSpec prev = null;
            while (kind() != Tok.RPAREN && kind() != Tok.EOF) {
                Node spec = spec(k, iota++, prev);
                if (spec instanceof ValueSpec vs) prev = vs;
                specs.add(spec);
                if (kind() != Tok.RPAREN) expect(Tok.SEMICOLON, "");
            }
            expect(Tok.RPAREN, "");
        } else {
            specs.add(spec(k, 0, null));
        }
        return new GenDecl(at, k, specs);
    }

    private Node spec(Tok k, int iota, ValueSpec prev) {
        Token at = tok();
        if (k == Tok.TYPE) {
            Ident name = new Ident(expect(Tok.IDENT, ""));
            if (kind() == Tok.LBRACK && peekKind(1) == Tok.IDENT && peekKind(2) != Tok.RBRACK) {
                diags.error(tok().line(), tok().col(), "not supported by GMP Lab: generic types");
                throw new SyntaxError();
            }
            boolean alias = got(Tok.ASSIGN);
            return new TypeSpec(at, name, type(), alias);
        }
        List<Ident> names = new ArrayList<>();
        names.add(new Ident(expect(Tok.IDENT, "")));
        while (got(Tok.COMMA)) names.add(new Ident(expect(Tok.IDENT, "")));
        Expr typeExpr = null;
        if (kind() != Tok.ASSIGN && kind() != Tok.SEMICOLON && kind() != Tok.RPAREN) typeExpr = type();
        List<Expr> values = List.of();
        if (got(Tok.ASSIGN)) values = exprList();
        if (k == Tok.CONST && values.isEmpty() && typeExpr == null && prev != null) {
            return new ValueSpec(at, names, prev.typeExpr, prev.values, iota);
        }
        if (k == Tok.CONST && values.isEmpty()) diags.error(at.line(), at.col(), "missing init expr for const declaration");
        return new ValueSpec(at, names, typeExpr, values, iota);
    }

    // ---------------------------------------------------------------- types

    private Expr type() {
        Expr t = tryType();
        if (t == null) syntaxError("expecting type");
        return t;
    }

    private Expr tryType() {
        Token at = tok();
        switch (kind()) {
            case IDENT -> {
                Expr x = new Ident(advance());
                if (kind() == Tok.PERIOD) {
                    Token dot = advance();
                    x = new Selector(dot, x, new Ident(expect(Tok.IDENT, "")));
                }
                return x;
            }
            case LBRACK -> {
                advance();
                if (got(Tok.RBRACK)) return new ArrayTypeExpr(at, null, false, type());
                if (kind() == Tok.ELLIPSIS && peekKind(1) == Tok.RBRACK) {
                    advance();
                    advance();
                    return new ArrayTypeExpr(at, null, true, type());
                }
                exprLev++;
                Expr len = expr();
                exprLev--;
                expect(Tok.RBRACK, "");
                return new ArrayTypeExpr(at, len, false, type());
            }
            case MAP -> {
                advance();
                expect(Tok.LBRACK, "");
                Expr key = type();
                expect(Tok.RBRACK, "");
                return new MapTypeExpr(at, key, type());
            }
            case CHAN -> {
                advance();
                int dir = Type.BOTH;
                if (got(Tok.ARROW)) dir = Type.SEND;
                return new ChanTypeExpr(at, dir, type());
            }
            case ARROW -> {
                advance();
                expect(Tok.CHAN, "");
                return new ChanTypeExpr(at, Type.RECV, type());
            }
            case MUL -> {
                advance();
                return new Star(at, type());
            }
            case FUNC -> {
                advance();
                return signature(at);
            }
            case STRUCT -> {
                return structType();
            }
            case INTERFACE -> {
                return interfaceType();
            }
            case LPAREN -> {
                advance();
                Expr t = type();
                expect(Tok.RPAREN, "");
                return t;
            }
            default -> {
                return null;
            }
        }
    }

    private StructTypeExpr structType() {
        Token at = expect(Tok.STRUCT, "");
        expect(Tok.LBRACE, "");
        List<Field> fields = new ArrayList<>();
        while (kind() != Tok.RBRACE && kind() != Tok.EOF) {
            Token ft = tok();
            if (kind() == Tok.MUL || (kind() == Tok.IDENT && (peekKind(1) == Tok.SEMICOLON || peekKind(1) == Tok.RBRACE
                    || peekKind(1) == Tok.PERIOD || peekKind(1) == Tok.STRING))) {
                Expr t = type();
                fields.add(new Field(ft, List.of(), t, false));
            } else {
                List<Ident> names = new ArrayList<>();
                names.add(new Ident(expect(Tok.IDENT, "")));
                while (got(Tok.COMMA)) names.add(new Ident(expect(Tok.IDENT, "")));
                fields.add(new Field(ft, names, type(), false));
            }
            if (kind() == Tok.STRING) advance(); // tag
            if (kind() != Tok.RBRACE) expect(Tok.SEMICOLON, "");
        }
        expect(Tok.RBRACE, "");
        return new StructTypeExpr(at, fields);
    }

    private InterfaceTypeExpr interfaceType() {
        Token at = expect(Tok.INTERFACE, "");
        expect(Tok.LBRACE, "");
        List<Field> methods = new ArrayList<>();
        while (kind() != Tok.RBRACE && kind() != Tok.EOF) {
            Token mt = tok();
            if (kind() == Tok.IDENT && peekKind(1) == Tok.LPAREN) {
                Ident name = new Ident(advance());
                methods.add(new Field(mt, List.of(name), signature(mt), false));
            } else {
                Expr t = type();
                if (kind() == Tok.OR) {
                    diags.error(mt.line(), mt.col(), "not supported by GMP Lab: type constraints");
                    while (kind() != Tok.SEMICOLON && kind() != Tok.RBRACE) advance();
                }
                methods.add(new Field(mt, List.of(), t, false));
            }
            if (kind() != Tok.RBRACE) expect(Tok.SEMICOLON, "");
        }
        expect(Tok.RBRACE, "");
        return new InterfaceTypeExpr(at, methods);
    }

    /** Parameters and results after {@code func} or a method name. */
    private FuncTypeExpr signature(Token at) {
        List<Field> params = params();
        List<Field> results = List.of();
        if (kind() == Tok.LPAREN) {
            results = params();
        } else {
            Token rt = tok();
            Expr t = tryType();
            if (t != null) results = List.of(new Field(rt, List.of(), t, false));
        }
        return new FuncTypeExpr(at, params, results);
    }

    /**
     * A parenthesized parameter list. Go allows both "a, b int" and "int, string";
     * we parse entries as (name? type) and decide afterwards, as go/parser does.
     */
    private List<Field> params() {
        expect(Tok.LPAREN, "");
        List<Token> starts = new ArrayList<>();
        List<Expr> firsts = new ArrayList<>();
        List<Expr> seconds = new ArrayList<>();
        List<Boolean> variadic = new ArrayList<>();
        while (kind() != Tok.RPAREN && kind() != Tok.EOF) {
            starts.add(tok());
            boolean dots = got(Tok.ELLIPSIS);
            Expr first = type();
            Expr second = null;
            if (kind() != Tok.COMMA && kind() != Tok.RPAREN) {
                boolean d2 = got(Tok.ELLIPSIS);
                second = type();
                dots = dots || d2;
            }
            firsts.add(first);
            seconds.add(second);
            variadic.add(dots);
            if (!got(Tok.COMMA)) break;
        }
        expect(Tok.RPAREN, "");
        boolean named = seconds.stream().anyMatch(s -> s != null);
        List<Field> fields = new ArrayList<>();
        if (!named) {
            for (int i = 0; i < firsts.size(); i++) {
                fields.add(new Field(starts.get(i), List.of(), firsts.get(i), variadic.get(i)));
            }
            return fields;
        }
        List<Ident> pending = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            if (!(firsts.get(i) instanceof Ident id)) {
                diags.error(starts.get(i).line(), starts.get(i).col(), "syntax error: mixed named and unnamed parameters");
                throw new SyntaxError();
            }
            pending.add(id);
            if (seconds.get(i) != null) {
                fields.add(new Field(starts.get(i - pending.size() + 1), pending, seconds.get(i), variadic.get(i)));
                pending = new ArrayList<>();
            }
        }
        if (!pending.isEmpty()) {
            Token s = starts.get(starts.size() - 1);
            diags.error(s.line(), s.col(), "syntax error: mixed named and unnamed parameters");
        }
        return fields;
    }

    // ---------------------------------------------------------------- statements

    private Block block() {
        Token at = expect(Tok.LBRACE, "");
        List<Stmt> stmts = stmtList();
        Token rb = tok();
        expect(Tok.RBRACE, "");
        return new Block(at, stmts, rb);
    }

    private List<Stmt> stmtList() {
        List<Stmt> stmts = new ArrayList<>();
        while (kind() != Tok.RBRACE && kind() != Tok.EOF && kind() != Tok.CASE && kind() != Tok.DEFAULT) {
            try {
                Stmt s = stmt();
                if (s != null) stmts.add(s);
                if (kind() != Tok.RBRACE && kind() != Tok.CASE && kind() != Tok.DEFAULT) {
                    if (kind() != Tok.SEMICOLON) syntaxError("at end of statement");
                    advance();
                }
            } catch (SyntaxError e) {
                recover();
            }
        }
        return stmts;
    }

    private Stmt stmt() {
        Token at = tok();
        switch (kind()) {
            case SEMICOLON:
                return new Empty(at);
            case VAR: case CONST: case TYPE:
                return new DeclStmt(at, genDecl());
            case LBRACE:
                return block();
            case IF:
                return ifStmt();
            case FOR:
                return forStmt();
            case SWITCH:
                return switchStmt();
            case SELECT:
                return selectStmt();
            case RETURN: {
                advance();
                List<Expr> results = List.of();
                if (kind() != Tok.SEMICOLON && kind() != Tok.RBRACE) results = exprList();
                return new Return(at, results);
            }
            case GO: case DEFER: {
                advance();
                Expr x = expr();
                if (!(x instanceof Call call)) {
                    diags.error(x.line, x.col, "expression in " + at.kind().text + " must be function call");
                    return new Empty(at);
                }
                return at.kind() == Tok.GO ? new GoStmt(at, call) : new DeferStmt(at, call);
            }
            case BREAK: case CONTINUE: case GOTO: case FALLTHROUGH: {
                advance();
                Ident label = null;
                if (kind() == Tok.IDENT && at.kind() != Tok.FALLTHROUGH) label = new Ident(advance());
                if (at.kind() == Tok.GOTO) diags.error(at.line(), at.col(), "not supported by GMP Lab: goto");
                return new Branch(at, at.kind(), label);
            }
            case FUNC:
                if (peekKind(1) == Tok.IDENT) syntaxError("expecting (");
                return simpleStmt(false);
            default:
                if (kind() == Tok.IDENT && peekKind(1) == Tok.COLON) {
                    Ident label = new Ident(advance());
                    advance();
                    if (kind() == Tok.RBRACE) return new Labeled(at, label, new Empty(at));
                    return new Labeled(at, label, stmt());
                }
                return simpleStmt(false);
        }
    }

    /** A simple statement; with {@code rangeOk} a {@code range} clause is accepted (for headers). */
    private Stmt simpleStmt(boolean rangeOk) {
        Token at = tok();
        if (rangeOk && kind() == Tok.RANGE) {
            advance();
            return new Range(at, null, null, false, expr(), null);
        }
        List<Expr> lhs = exprList();
        Tok k = kind();
        switch (k) {
            case DEFINE: case ASSIGN: {
                Token opTok = advance();
                if (rangeOk && kind() == Tok.RANGE) {
                    advance();
                    Expr x = expr();
                    if (lhs.size() > 2) diags.error(lhs.get(0).line, lhs.get(0).col, "range clause permits at most two iteration variables");
                    return new Range(opTok, lhs.get(0), lhs.size() > 1 ? lhs.get(1) : null, k == Tok.DEFINE, x, null);
                }
                List<Expr> rhs = exprList();
                return new Assign(opTok, lhs, k, rhs);
            }
            case INC: case DEC:
                advance();
                return new IncDec(at, lhs.get(0), k == Tok.INC);
            case ARROW: {
                advance();
                return new SendStmt(startOf(lhs.get(0)), lhs.get(0), expr());
            }
            default:
                if (k.opOfAssign() != null) {
                    Token opTok = advance();
                    return new Assign(opTok, lhs, k, List.of(expr()));
                }
                if (lhs.size() > 1) syntaxError("expecting := or = or comma");
                return new ExprStmt(at, lhs.get(0));
        }
    }

    private If ifStmt() {
        Token at = expect(Tok.IF, "");
        int old = exprLev;
        exprLev = -1;
        Stmt init = null;
        Expr cond = null;
        if (kind() == Tok.LBRACE) {
            diags.error(tok().line(), tok().col(), "missing condition in if statement");
        } else {
            Stmt s = kind() == Tok.SEMICOLON ? null : simpleStmt(false);
            if (got(Tok.SEMICOLON)) {
                init = s;
                if (kind() != Tok.LBRACE) cond = expr();
            } else if (s instanceof ExprStmt es) {
                cond = es.x;
            } else if (s != null) {
                diags.error(s.line, s.col, "cannot use " + describeStmt(s) + " as value");
            }
            if (cond == null && init != null && kind() == Tok.LBRACE) {
                diags.error(tok().line(), tok().col(), "missing condition in if statement");
            }
        }
        exprLev = old;
        Block then = block();
        Stmt els = null;
        if (got(Tok.ELSE)) {
            if (kind() == Tok.IF) els = ifStmt();
            else if (kind() == Tok.LBRACE) els = block();
            else plainSyntaxError("else must be followed by if or statement block");
        }
        return new If(at, init, cond, then, els);
    }

    private static String describeStmt(Stmt s) {
        if (s instanceof Assign a && a.op == Tok.DEFINE) return "assignment " + "(:=)";
        return "statement";
    }

    private Stmt forStmt() {
        Token at = expect(Tok.FOR, "");
        int old = exprLev;
        exprLev = -1;
        Stmt init = null, post = null;
        Expr cond = null;
        Range range = null;
        if (kind() != Tok.LBRACE) {
            Stmt s1 = kind() == Tok.SEMICOLON ? null : simpleStmt(true);
            if (s1 instanceof Range r) {
                range = r;
            } else if (kind() == Tok.SEMICOLON) {
                advance();
                init = s1;
                if (kind() != Tok.SEMICOLON) cond = expr();
                expect(Tok.SEMICOLON, "");
                if (kind() != Tok.LBRACE) post = simpleStmt(false);
            } else if (s1 instanceof ExprStmt es) {
                cond = es.x;
            } else if (s1 != null) {
                syntaxError("expecting for loop condition");
            }
        }
        exprLev = old;
        Block body = block();
        if (range != null) return new Range(range.line == 0 ? at : at, range.key, range.value, range.define, range.x, body);
        return new For(at, init, cond, post, body);
    }

    private Stmt switchStmt() {
        Token at = expect(Tok.SWITCH, "");
        int old = exprLev;
        exprLev = -1;
        Stmt init = null, tagStmt = null;
        if (kind() != Tok.LBRACE) {
            Stmt s1 = kind() == Tok.SEMICOLON ? null : simpleStmt(false);
            if (got(Tok.SEMICOLON)) {
                init = s1;
                if (kind() != Tok.LBRACE) tagStmt = simpleStmt(false);
            } else {
                tagStmt = s1;
            }
        }
        exprLev = old;
        // type switch?
        Ident bind = null;
        Expr guard = null;
        if (tagStmt instanceof Assign a && a.op == Tok.DEFINE && a.rhs.size() == 1
                && a.rhs.get(0) instanceof TypeAssert ta && ta.typeExpr == null && a.lhs.get(0) instanceof Ident id) {
            bind = id;
            guard = ta.x;
        } else if (tagStmt instanceof ExprStmt es && es.x instanceof TypeAssert ta && ta.typeExpr == null) {
            guard = ta.x;
        }
        expect(Tok.LBRACE, "");
        List<CaseClause> clauses = new ArrayList<>();
        while (kind() == Tok.CASE || kind() == Tok.DEFAULT) {
            Token ct = advance();
            List<Expr> list = null;
            if (ct.kind() == Tok.CASE) {
                list = new ArrayList<>();
                if (guard != null) {
                    do list.add(type()); while (got(Tok.COMMA));
                } else {
                    list = exprList();
                }
            }
            expect(Tok.COLON, "");
            clauses.add(new CaseClause(ct, list, stmtList()));
        }
        if (kind() != Tok.RBRACE) syntaxError("expecting case or default or }");
        advance();
        if (guard != null) return new TypeSwitch(at, init, bind, guard, clauses);
        Expr tag = null;
        if (tagStmt instanceof ExprStmt es) tag = es.x;
        else if (tagStmt != null) diags.error(tagStmt.line, tagStmt.col, "switch expression must be an expression");
        return new Switch(at, init, tag, clauses);
    }

    private Select selectStmt() {
        Token at = expect(Tok.SELECT, "");
        expect(Tok.LBRACE, "");
        List<CommClause> clauses = new ArrayList<>();
        while (kind() == Tok.CASE || kind() == Tok.DEFAULT) {
            Token ct = advance();
            Stmt comm = null;
            if (ct.kind() == Tok.CASE) comm = simpleStmt(false);
            expect(Tok.COLON, "");
            clauses.add(new CommClause(ct, comm, stmtList()));
        }
        if (kind() != Tok.RBRACE) syntaxError("expecting case or default or }");
        advance();
        return new Select(at, clauses);
    }

    // ---------------------------------------------------------------- expressions

    private List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (got(Tok.COMMA)) list.add(expr());
        return list;
    }

    Expr expr() {
        return binary(1);
    }

    private Expr binary(int prec) {
        Expr x = unary();
        while (true) {
            Tok op = kind();
            int pr = op.precedence();
            if (pr < prec) return x;
            advance();
            Expr y = binary(pr + 1);
            x = new Binary(new Token(op, op.text, x.line, x.col), op, x, y);
        }
    }

    private Expr unary() {
        Token at = tok();
        switch (kind()) {
            case ADD, SUB, NOT, XOR, AND -> {
                advance();
                return new Unary(at, at.kind(), unary());
            }
            case ARROW -> {
                advance();
                if (kind() == Tok.CHAN) { // <-chan T as a type in expression position
                    advance();
                    return new ChanTypeExpr(at, Type.RECV, type());
                }
                return new Unary(at, Tok.ARROW, unary());
            }
            case MUL -> {
                advance();
                return new Star(at, unary());
            }
            default -> {
                return primary();
            }
        }
    }

    private Expr operand() {
        Token at = tok();
        switch (kind()) {
            case INT, FLOAT, STRING, CHAR -> {
                return new BasicLit(advance());
            }
            case IDENT -> {
                return new Ident(advance());
            }
            case LPAREN -> {
                advance();
                exprLev++;
                Expr x = exprOrType();
                exprLev--;
                expect(Tok.RPAREN, "");
                return new Paren(at, x);
            }
            case FUNC -> {
                advance();
                FuncTypeExpr sig = signature(at);
                if (kind() == Tok.LBRACE) {
                    exprLev++;
                    Block body = block();
                    exprLev--;
                    return new FuncLit(at, sig, body);
                }
                return sig;
            }
            case LBRACK, MAP, CHAN, STRUCT, INTERFACE, MUL, ARROW -> {
                return type();
            }
            default -> throw syntaxError("expecting expression");
        }
    }

    private Expr exprOrType() {
        return expr();
    }

    private Expr primary() {
        Expr x = operand();
        while (true) {
            Token at = tok();
            switch (kind()) {
                case PERIOD -> {
                    advance();
                    if (got(Tok.LPAREN)) {
                        if (got(Tok.TYPE)) {
                            expect(Tok.RPAREN, "");
                            x = new TypeAssert(startOf(x), x, null);
                        } else {
                            Expr t = type();
                            expect(Tok.RPAREN, "");
                            x = new TypeAssert(startOf(x), x, t);
                        }
                    } else {
                        x = new Selector(at, x, new Ident(expect(Tok.IDENT, "")));
                    }
                }
                case LBRACK -> {
                    advance();
                    exprLev++;
                    Expr lo = null, hi = null, max = null;
                    if (kind() != Tok.COLON) lo = expr();
                    if (got(Tok.COLON)) {
                        if (kind() != Tok.RBRACK && kind() != Tok.COLON) hi = expr();
                        if (got(Tok.COLON)) max = expr();
                        exprLev--;
                        expect(Tok.RBRACK, "");
                        x = new SliceExpr(startOf(x), x, lo, hi, max);
                    } else {
                        if (kind() == Tok.COMMA) {
                            diags.error(at.line(), at.col(), "not supported by GMP Lab: generic instantiation");
                            throw new SyntaxError();
                        }
                        exprLev--;
                        expect(Tok.RBRACK, "");
                        x = new Index(startOf(x), x, lo);
                    }
                }
                case LPAREN -> {
                    advance();
                    exprLev++;
                    List<Expr> args = new ArrayList<>();
                    boolean dots = false;
                    while (kind() != Tok.RPAREN && kind() != Tok.EOF) {
                        args.add(exprOrType());
                        if (got(Tok.ELLIPSIS)) dots = true;
                        if (!got(Tok.COMMA)) break;
                    }
                    exprLev--;
                    if (kind() != Tok.RPAREN) syntaxError("in argument list; possibly missing comma or )");
                    Token rp = advance();
                    Call call = new Call(at, x, args, dots);
                    call.rparenLine = rp.line();
                    call.rparenCol = rp.col();
                    x = call;
                }
                case LBRACE -> {
                    if (!isLiteralType(x) || (exprLev < 0 && !(x instanceof ArrayTypeExpr || x instanceof MapTypeExpr
                            || x instanceof StructTypeExpr))) {
                        return x;
                    }
                    x = compositeLit(x);
                }
                default -> {
                    return x;
                }
            }
        }
    }

    private static boolean isLiteralType(Expr x) {
        return x instanceof Ident || x instanceof ArrayTypeExpr || x instanceof MapTypeExpr || x instanceof StructTypeExpr
                || (x instanceof Selector s && s.x instanceof Ident);
    }

    private CompositeLit compositeLit(Expr typeExpr) {
        Token at = expect(Tok.LBRACE, "");
        int old = exprLev;
        exprLev = 1;
        List<Expr> elts = new ArrayList<>();
        while (kind() != Tok.RBRACE && kind() != Tok.EOF) {
            Expr e = element();
            if (kind() == Tok.COLON) {
                Token c = advance();
                e = new KeyValue(c, e, element());
            }
            elts.add(e);
            if (!got(Tok.COMMA)) {
                if (kind() != Tok.RBRACE) syntaxError("expecting comma or }");
                break;
            }
        }
        exprLev = old;
        expect(Tok.RBRACE, "");
        return new CompositeLit(typeExpr == null ? at : toToken(typeExpr), typeExpr, elts);
    }

    /** A token standing for the start position of a node (go/types reports expressions there). */
    private static Token startOf(Node n) {
        return new Token(Tok.IDENT, "", n.line, n.col);
    }

    private static Token toToken(Node n) {
        return new Token(Tok.IDENT, "", n.line, n.col);
    }

    private Expr element() {
        if (kind() == Tok.LBRACE) return compositeLit(null);
        return expr();
    }
}
