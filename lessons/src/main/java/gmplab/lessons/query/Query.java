package gmplab.lessons.query;

import gmplab.lessons.query.Lexer.Kind;
import gmplab.lessons.query.Lexer.Token;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;
import gmplab.trace.SchedTraceParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A question about a run, answered by the simulator. The language is small and
 * reads like English; the full grammar is in {@code package-info.java} and the
 * README. Examples:
 *
 * <pre>
 * prints                                   what the program printed, line by line
 * count runqputslow                        how many overflows to the global queue
 * victim of first steal                    which P the first steal took from
 * runnext of P0 after first park of G1     the runnext slot once main blocked
 * max threads &gt;= 10                        a predicate for a "try" step
 * seq of first goexit of G7 &lt; seq of first goexit of G6
 * </pre>
 *
 * Parsing checks the syntax and the names (so {@code lessons check} reports a bad
 * query before anyone runs it); evaluation reads a {@link RunView}.
 */
public final class Query {
    private final String source;
    private final Expr root;

    private Query(String source, Expr root) {
        this.source = source;
        this.root = root;
    }

    /** Parses {@code source}; throws {@link QueryException} with the column of the problem. */
    public static Query parse(String source) {
        if (source == null || source.isBlank()) throw new QueryException("empty query", 1);
        Parser p = new Parser(Lexer.tokenize(source));
        Expr e = p.or();
        p.expectEnd();
        return new Query(source, e);
    }

    public String source() {
        return source;
    }

    /** True if the query is a comparison or a boolean combination (a predicate for try steps). */
    public boolean isPredicate() {
        return root instanceof Cmp || root instanceof Logic || root instanceof Not;
    }

    /** The answer for one run, with the event the answer is about (for narration and seeking), if any. */
    public record Answer(Value value, Event focus) { }

    /** Evaluates against {@code run}. */
    public Answer evaluate(RunView run) {
        Ctx ctx = new Ctx(run);
        Value v = root.eval(ctx);
        if (v instanceof Value.Ev ev) ctx.focus = ev.event();
        return new Answer(v, ctx.focus);
    }

    @Override
    public String toString() {
        return source;
    }

    // ------------------------------------------------------------------ evaluation context

    static final class Ctx {
        final RunView run;
        Event focus;
        private Map<Long, String> funcs;

        Ctx(RunView run) {
            this.run = run;
        }

        /** goid → the function it was created to run (from newproc events). */
        Map<Long, String> funcs() {
            if (funcs == null) {
                funcs = new HashMap<>();
                for (Event e : run.events()) {
                    if (e.key().startsWith("newproc")) funcs.put(e.g(), e.argString(3));
                }
            }
            return funcs;
        }

        boolean user(long goid) {
            if (goid == 1) return true;
            String f = funcs().get(goid);
            return f != null && !f.startsWith("runtime.");
        }

        int lastIndex() {
            return run.events().size() - 1;
        }
    }

    interface Expr {
        Value eval(Ctx c);
    }

    // ------------------------------------------------------------------ AST

    record Lit(Value v) implements Expr {
        public Value eval(Ctx c) {
            return v;
        }
    }

    record Not(Expr e, int col) implements Expr {
        public Value eval(Ctx c) {
            return new Value.Bool(!truth(e.eval(c), col));
        }
    }

    record Logic(boolean and, Expr l, Expr r, int col) implements Expr {
        public Value eval(Ctx c) {
            boolean a = truth(l.eval(c), col);
            if (and && !a) return new Value.Bool(false);
            if (!and && a) return new Value.Bool(true);
            return new Value.Bool(truth(r.eval(c), col));
        }
    }

    record Cmp(String op, Expr l, Expr r) implements Expr {
        public Value eval(Ctx c) {
            Value a = l.eval(c);
            Value b = r.eval(c);
            if (op.equals("contains")) {
                if (a instanceof Value.Lst list) {
                    return new Value.Bool(list.items().stream().anyMatch(x -> x.matches(b.text())));
                }
                return new Value.Bool(Value.normalize(a.text()).contains(Value.normalize(b.text())));
            }
            int cmp;
            if (a instanceof Value.Num x && b instanceof Value.Num y) {
                cmp = Long.compare(x.value(), y.value());
            } else if (op.equals("=") || op.equals("!=")) {
                cmp = a.matches(b.text()) ? 0 : 1;
            } else {
                // ordering of non-numbers: none compares false, everything else by text
                if (a instanceof Value.None || b instanceof Value.None) return new Value.Bool(false);
                cmp = Value.normalize(a.text()).compareTo(Value.normalize(b.text()));
            }
            boolean r = switch (op) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
            return new Value.Bool(r);
        }
    }

    record Arith(boolean plus, Expr l, Expr r, int col) implements Expr {
        public Value eval(Ctx c) {
            Value a = l.eval(c);
            Value b = r.eval(c);
            if (a instanceof Value.None || b instanceof Value.None) return Value.NONE;
            if (!(a instanceof Value.Num x) || !(b instanceof Value.Num y)) {
                throw new QueryException("'" + (plus ? "+" : "-") + "' needs numbers, got " + a.text() + " and " + b.text(), col);
            }
            return new Value.Num(plus ? x.value() + y.value() : x.value() - y.value());
        }
    }

    record Scale(Expr e, long div, int col) implements Expr {
        public Value eval(Ctx c) {
            Value v = e.eval(c);
            if (v instanceof Value.None) return v;
            if (!(v instanceof Value.Num n)) throw new QueryException("'in' needs a time, got " + v.text(), col);
            return new Value.Num(Math.round((double) n.value() / div));
        }
    }

    static boolean truth(Value v, int col) {
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.None) return false;
        if (v instanceof Value.Num n) return n.value() != 0;
        if (v instanceof Value.Ev) return true;
        throw new QueryException("'" + v.text() + "' is not true or false", col);
    }

    /** A set of events: a name and filters. */
    record Selector(String name, List<Filter> filters) {
        boolean nameMatches(Event e) {
            for (String alt : name.split("\\|")) if (matches(alt, e)) return true;
            return false;
        }

        private static boolean matches(String name, Event e) {
            if (name.equals("any")) return true;
            String k = e.key();
            return k.equals(name) || k.startsWith(name + ".") || e.kind().name().equalsIgnoreCase(name)
                    || e.kind().goFunction.equals(name);
        }

        List<Event> select(Ctx c) {
            List<Predicate<Event>> preds = new ArrayList<>();
            for (Filter f : filters) preds.add(f.predicate(c));
            List<Event> out = new ArrayList<>();
            outer:
            for (Event e : c.run.events()) {
                if (!nameMatches(e)) continue;
                for (Predicate<Event> p : preds) if (!p.test(e)) continue outer;
                out.add(e);
            }
            return out;
        }
    }

    record Filter(String word, Token ref, String text, Expr bound, int col) {
        Predicate<Event> predicate(Ctx c) {
            return switch (word) {
                case "of" -> e -> e.g() == ref.number();
                case "on" -> e -> e.p() == ref.number();
                case "by" -> e -> e.m() == ref.number();
                case "from" -> e -> e.key().startsWith("steal") && e.argLong(0) == ref.number();
                case "with" -> e -> {
                    for (Object a : e.args()) {
                        if (a != null && String.valueOf(a).strip().equals(text)) return true;
                    }
                    return false;
                };
                case "user" -> e -> e.g() > 0 && c.user(e.g());
                case "after", "before" -> {
                    Value b = bound.eval(c);
                    boolean after = word.equals("after");
                    if (b instanceof Value.Ev ev) {
                        long s = ev.event().seq();
                        yield after ? e -> e.seq() > s : e -> e.seq() < s;
                    }
                    if (b instanceof Value.Num t) {
                        yield after ? e -> e.time() >= t.value() : e -> e.time() < t.value();
                    }
                    // the bound never happened: nothing is after it, everything is before it
                    yield e -> !after;
                }
                default -> throw new IllegalStateException(word);
            };
        }
    }

    record Count(Selector s) implements Expr {
        public Value eval(Ctx c) {
            return new Value.Num(s.select(c).size());
        }
    }

    /** first (nth = 1), last (nth = -1) or the nth event of a selector. */
    record Pick(Selector s, int nth) implements Expr {
        public Value eval(Ctx c) {
            List<Event> list = s.select(c);
            int i = nth < 0 ? list.size() - 1 : nth - 1;
            if (i < 0 || i >= list.size()) return Value.NONE;
            c.focus = list.get(i);
            return new Value.Ev(list.get(i));
        }
    }

    static final Set<String> EVENT_PROPS = Set.of("g", "m", "p", "time", "seq", "key", "victim", "n", "batch",
            "threads", "waker", "kicked", "text", "func", "parent", "schedtick", "arg0", "arg1", "arg2", "arg3");

    static Value prop(String name, Event e, Ctx c) {
        return switch (name) {
            case "g" -> e.g() < 0 ? Value.NONE : new Value.Ref('G', e.g());
            case "m" -> e.m() < 0 ? Value.NONE : new Value.Ref('M', e.m());
            case "p" -> e.p() < 0 ? Value.NONE : new Value.Ref('P', e.p());
            case "time" -> new Value.Num(e.time());
            case "seq" -> new Value.Num(e.seq());
            case "key" -> new Value.Str(e.key());
            case "victim" -> e.key().startsWith("steal") ? new Value.Ref('P', e.argLong(0)) : Value.NONE;
            case "n", "batch" -> {
                String k = e.key();
                if (k.startsWith("steal")) yield new Value.Num(e.argLong(1));
                if (k.startsWith("runqputslow") || k.startsWith("globrunqget") || k.startsWith("netpoll")
                        || k.startsWith("injectglist")) yield new Value.Num(e.argLong(0));
                yield Value.NONE;
            }
            case "threads" -> {
                String k = e.key();
                if (k.startsWith("newm")) yield new Value.Num(e.argLong(1));
                if (k.startsWith("mexit")) yield new Value.Num(e.argLong(0));
                yield Value.NONE;
            }
            case "waker" -> e.key().startsWith("ready") && e.argLong(0) > 0 ? new Value.Ref('G', e.argLong(0)) : Value.NONE;
            case "kicked" -> (e.key().endsWith(".kick")) ? new Value.Ref('G', e.argLong(2)) : Value.NONE;
            case "text" -> new Value.Str(e.argString(0).strip());
            case "func" -> e.key().startsWith("newproc") ? new Value.Str(e.argString(3)) : Value.NONE;
            case "parent" -> e.key().startsWith("newproc") && e.argLong(1) > 0 ? new Value.Ref('G', e.argLong(1)) : Value.NONE;
            case "schedtick" -> e.key().startsWith("execute") ? new Value.Num(e.argLong(0))
                    : e.key().startsWith("globrunqget") ? new Value.Num(e.argLong(2)) : Value.NONE;
            case "arg0", "arg1", "arg2", "arg3" -> {
                int i = name.charAt(3) - '0';
                if (i >= e.args().length || e.args()[i] == null) yield Value.NONE;
                Object a = e.args()[i];
                yield a instanceof Number n ? new Value.Num(n.longValue()) : new Value.Str(String.valueOf(a).strip());
            }
            default -> throw new IllegalStateException(name);
        };
    }

    record Prop(String name, Expr of, int col) implements Expr {
        public Value eval(Ctx c) {
            Value v = of.eval(c);
            if (v instanceof Value.None) return Value.NONE;
            if (!(v instanceof Value.Ev ev)) {
                throw new QueryException("'" + name + " of' needs an event (first …, last …, nth …)", col);
            }
            c.focus = ev.event();
            return prop(name, ev.event(), c);
        }
    }

    /** list PROP of SELECTOR, distinct PROP of SELECTOR. */
    record Collect(String prop, Selector s, boolean distinct) implements Expr {
        public Value eval(Ctx c) {
            List<Value> out = new ArrayList<>();
            for (Event e : s.select(c)) out.add(Query.prop(prop, e, c));
            if (!distinct) return new Value.Lst(out);
            Set<String> seen = new LinkedHashSet<>();
            for (Value v : out) if (!(v instanceof Value.None)) seen.add(v.text());
            return new Value.Num(seen.size());
        }
    }

    /** Where in the run a state query looks. */
    record Position(String how, Expr at, int col) {
        int index(Ctx c) {
            if (how.equals("end")) return c.lastIndex();
            Value v = at.eval(c);
            int last = c.lastIndex();
            if (v instanceof Value.Ev ev) {
                int i = (int) ev.event().seq();
                return how.equals("before") ? Math.max(0, i - 1) : i;
            }
            if (v instanceof Value.Num t) {
                List<Event> evs = c.run.events();
                int i = 0;
                while (i < evs.size() && evs.get(i).time() <= t.value()) i++;
                return Math.max(0, Math.min(last, i - 1));
            }
            if (v instanceof Value.None) {
                throw new QueryException("the event to look " + how + " did not happen in this run", col);
            }
            throw new QueryException("'" + how + "' needs an event or a time", col);
        }
    }

    record State(String what, Token ref, Position pos) implements Expr {
        public Value eval(Ctx c) {
            int i = pos.index(c);
            Snapshot s = c.run.snapshotAt(i);
            if (c.focus == null) c.focus = c.run.events().get(i);
            return switch (what) {
                case "runnext" -> {
                    Snapshot.PView p = pview(s, ref);
                    yield p.runnext() < 0 ? Value.NONE : new Value.Ref('G', p.runnext());
                }
                case "runq" -> {
                    List<Value> l = new ArrayList<>();
                    for (long g : pview(s, ref).runq()) l.add(new Value.Ref('G', g));
                    yield new Value.Lst(l);
                }
                case "runqsize" -> new Value.Num(pview(s, ref).runq().length);
                case "gfree" -> new Value.Num(pview(s, ref).gfreecnt());
                case "globalrunq" -> {
                    List<Value> l = new ArrayList<>();
                    for (long g : s.globalRunq()) l.add(new Value.Ref('G', g));
                    yield new Value.Lst(l);
                }
                case "globalrunqsize" -> new Value.Num(s.globalRunq().length);
                case "status" -> {
                    if (ref.kind() == Kind.REF && ref.text().startsWith("P")) {
                        yield new Value.Str(pview(s, ref).status().name().toLowerCase());
                    }
                    Snapshot.GView g = s.g(ref.number());
                    yield g == null ? Value.NONE : new Value.Str(g.status().name().toLowerCase());
                }
                case "threads" -> new Value.Num(s.mcount());
                case "idleprocs" -> new Value.Num(s.npidle());
                case "idlethreads" -> new Value.Num(s.nmidle());
                case "spinning" -> new Value.Num(s.nmspinning());
                default -> throw new IllegalStateException(what);
            };
        }

        private Snapshot.PView pview(Snapshot s, Token ref) {
            if (ref.number() >= s.ps().size()) {
                throw new QueryException(ref.text() + " does not exist: GOMAXPROCS is " + s.gomaxprocs(), ref.column());
            }
            return s.ps().get((int) ref.number());
        }
    }

    record Result(String what) implements Expr {
        public Value eval(Ctx c) {
            var r = c.run.result();
            return switch (what) {
                case "stdout" -> new Value.Str(r.stdout());
                case "stderr" -> new Value.Str(r.stderr());
                case "prints" -> {
                    List<Value> l = new ArrayList<>();
                    for (String line : r.stdout().split("\n")) if (!line.isBlank()) l.add(new Value.Str(line.strip()));
                    yield new Value.Lst(l);
                }
                case "exitcode" -> new Value.Num(r.exitCode());
                case "threads" -> new Value.Num(r.threads());
                case "maxthreads" -> {
                    long max = r.threads();
                    for (Event e : c.run.events()) {
                        if (e.key().startsWith("newm")) max = Math.max(max, e.argLong(1));
                    }
                    yield new Value.Num(max);
                }
                case "gstructs" -> new Value.Num(r.gStructs());
                case "endtime" -> new Value.Num(r.virtualTimeNs());
                case "events" -> new Value.Num(c.run.events().size());
                default -> throw new IllegalStateException(what);
            };
        }
    }

    static final Set<String> TRACE_FIELDS = Set.of("ms", "gomaxprocs", "idleprocs", "threads", "spinningthreads",
            "idlethreads", "runqueue", "local");

    /** schedtrace FIELD of record N [in "file"], schedtrace max FIELD [in "file"], schedtrace records [in "file"]. */
    record Trace(String mode, String field, Token pRef, int record, String file, int col) implements Expr {
        public Value eval(Ctx c) {
            String text;
            if (file != null) {
                text = c.run.file(file);
                if (text == null) throw new QueryException("no file \"" + file + "\" in this lesson", col);
            } else {
                text = c.run.result().stderr();
            }
            List<SchedTraceParser.Record> recs = SchedTraceParser.parse(text);
            switch (mode) {
                case "records":
                    return new Value.Num(recs.size());
                case "max": {
                    long max = Long.MIN_VALUE;
                    for (SchedTraceParser.Record r : recs) max = Math.max(max, field(r).value());
                    return recs.isEmpty() ? Value.NONE : new Value.Num(max);
                }
                default: {
                    int i = record < 0 ? recs.size() + record : record - 1;
                    if (i < 0 || i >= recs.size()) return Value.NONE;
                    SchedTraceParser.Record r = recs.get(i);
                    if (field.equals("local")) {
                        List<Value> l = new ArrayList<>();
                        for (int x : r.localRunq()) l.add(new Value.Num(x));
                        return new Value.Lst(l);
                    }
                    return field(r);
                }
            }
        }

        private Value.Num field(SchedTraceParser.Record r) {
            if (pRef != null) {
                int p = (int) pRef.number();
                if (p >= r.localRunq().length) throw new QueryException("no " + pRef.text() + " in this trace", col);
                return new Value.Num(r.localRunq()[p]);
            }
            return new Value.Num(switch (field) {
                case "ms" -> r.ms();
                case "gomaxprocs" -> r.gomaxprocs();
                case "idleprocs" -> r.idleprocs();
                case "threads" -> r.threads();
                case "spinningthreads" -> r.spinningthreads();
                case "idlethreads" -> r.idlethreads();
                case "runqueue" -> r.runqueue();
                default -> throw new QueryException("'" + field + "' has no maximum", col);
            });
        }
    }

    // ------------------------------------------------------------------ parser

    private static final class Parser {
        private final List<Token> toks;
        private int pos;

        Parser(List<Token> toks) {
            this.toks = toks;
        }

        Token peek() {
            return toks.get(pos);
        }

        Token peek(int k) {
            return toks.get(Math.min(pos + k, toks.size() - 1));
        }

        Token next() {
            return toks.get(pos++);
        }

        boolean accept(String word) {
            if (peek().is(word)) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(String word) {
            if (!accept(word)) throw error("expected '" + word + "'");
        }

        QueryException error(String msg) {
            Token t = peek();
            String found = t.kind() == Kind.EOF ? "the end of the query" : "'" + t.text() + "'";
            return new QueryException(msg + " but found " + found, t.column());
        }

        void expectEnd() {
            if (peek().kind() != Kind.EOF) throw error("expected the end of the query (or 'and', 'or', a comparison)");
        }

        Expr or() {
            Expr l = and();
            while (peek().is("or")) {
                int col = next().column();
                l = new Logic(false, l, and(), col);
            }
            return l;
        }

        Expr and() {
            Expr l = not();
            while (peek().is("and")) {
                int col = next().column();
                l = new Logic(true, l, not(), col);
            }
            return l;
        }

        Expr not() {
            if (peek().is("not")) {
                int col = next().column();
                return new Not(not(), col);
            }
            return cmp();
        }

        Expr cmp() {
            Expr l = sum();
            if (peek().kind() == Kind.OP) {
                String op = next().text();
                return new Cmp(op, l, sum());
            }
            if (accept("contains")) return new Cmp("contains", l, sum());
            return l;
        }

        Expr sum() {
            Expr l = scaled();
            while (peek().kind() == Kind.ARITH) {
                Token op = next();
                l = new Arith(op.text().equals("+"), l, scaled(), op.column());
            }
            return l;
        }

        /** term ['in' (ns|us|ms|s)]: a time converted to a whole number of units. */
        Expr scaled() {
            Expr t = term();
            if (peek().is("in") && peek(1).kind() == Kind.WORD) {
                String unit = peek(1).text();
                long div = switch (unit) {
                    case "ns" -> 1L;
                    case "us", "µs" -> 1_000L;
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    default -> 0L;
                };
                if (div > 0) {
                    int col = next().column();
                    next();
                    return new Scale(t, div, col);
                }
            }
            return t;
        }

        Token ref(char kind, String what) {
            Token t = peek();
            if (t.kind() != Kind.REF || t.text().charAt(0) != kind) {
                throw error("expected " + what + " (like " + kind + "0)");
            }
            return next();
        }

        Expr term() {
            Token t = peek();
            switch (t.kind()) {
                case LPAREN -> {
                    next();
                    Expr e = or();
                    if (peek().kind() != Kind.RPAREN) throw error("expected ')'");
                    next();
                    return e;
                }
                case INT, TIME -> {
                    next();
                    return new Lit(new Value.Num(t.number()));
                }
                case STRING -> {
                    next();
                    return new Lit(new Value.Str(t.text()));
                }
                case REF -> {
                    next();
                    return new Lit(new Value.Ref(t.text().charAt(0), t.number()));
                }
                case WORD -> {
                    return word();
                }
                default -> throw error("expected a value, an event or a question");
            }
        }

        Expr word() {
            Token t = peek();
            String w = t.text().toLowerCase();
            switch (w) {
                case "none" -> {
                    next();
                    return new Lit(Value.NONE);
                }
                case "true", "false" -> {
                    next();
                    return new Lit(new Value.Bool(w.equals("true")));
                }
                case "count" -> {
                    next();
                    return new Count(selector());
                }
                case "first" -> {
                    next();
                    return new Pick(selector(), 1);
                }
                case "last" -> {
                    next();
                    return new Pick(selector(), -1);
                }
                case "nth" -> {
                    next();
                    Token n = peek();
                    if (n.kind() != Kind.INT || n.number() < 1) throw error("expected a position (1, 2, …) after 'nth'");
                    next();
                    return new Pick(selector(), (int) n.number());
                }
                case "list", "distinct" -> {
                    next();
                    String prop = propName();
                    expect("of");
                    return new Collect(prop, selector(), w.equals("distinct"));
                }
                case "stdout", "stderr", "prints", "gstructs", "events" -> {
                    next();
                    return new Result(w);
                }
                case "order" -> {
                    next();
                    expect("of");
                    expect("prints");
                    return new Result("prints");
                }
                case "exit" -> {
                    next();
                    expect("code");
                    return new Result("exitcode");
                }
                case "end" -> {
                    next();
                    expect("time");
                    return new Result("endtime");
                }
                case "max" -> {
                    next();
                    expect("threads");
                    return new Result("maxthreads");
                }
                case "schedtrace" -> {
                    return trace();
                }
                case "runnext", "runq", "runqsize", "gfree" -> {
                    next();
                    expect("of");
                    Token p = ref('P', "a P");
                    return new State(w, p, position());
                }
                case "status" -> {
                    next();
                    expect("of");
                    Token r = peek();
                    if (r.kind() != Kind.REF || r.text().charAt(0) == 'M') throw error("expected a G or a P");
                    next();
                    return new State(w, r, position());
                }
                case "global" -> {
                    next();
                    if (accept("runqsize")) return new State("globalrunqsize", null, position());
                    expect("runq");
                    return new State("globalrunq", null, position());
                }
                case "idleprocs", "idlethreads", "spinning" -> {
                    next();
                    return new State(w, null, position());
                }
                case "threads" -> {
                    if (peek(1).is("of")) break; // the event property
                    next();
                    if (peek().is("after") || peek().is("before") || peek().is("at")) {
                        return new State(w, null, position());
                    }
                    return new Result("threads");
                }
                default -> {
                }
            }
            if (EVENT_PROPS.contains(w)) {
                next();
                int col = peek().column();
                expect("of");
                return new Prop(w, term(), col);
            }
            throw new QueryException("unknown word '" + t.text() + "' (a query starts with count, first, last, nth, "
                    + "list, distinct, a property such as victim of …, a state such as runnext of P0, or prints, "
                    + "stdout, threads, max threads, exit code, end time, schedtrace …)", t.column());
        }

        String propName() {
            Token t = peek();
            if (t.kind() != Kind.WORD || !EVENT_PROPS.contains(t.text().toLowerCase())) {
                throw error("expected a property (" + String.join(", ", new java.util.TreeSet<>(EVENT_PROPS)) + ")");
            }
            return next().text().toLowerCase();
        }

        Position position() {
            Token t = peek();
            if (accept("after")) return new Position("after", term(), t.column());
            if (accept("before")) return new Position("before", term(), t.column());
            if (accept("at")) {
                if (accept("end")) return new Position("end", null, t.column());
                return new Position("at", term(), t.column());
            }
            return new Position("end", null, t.column());
        }

        Selector selector() {
            Token t = peek();
            if (t.kind() != Kind.WORD) throw error("expected an event name (steal, execute, newproc, retake.syscall, …)");
            String name = next().text();
            int offset = 0;
            for (String alt : name.split("\\|")) {
                if (!EventNames.known(alt)) {
                    throw new QueryException("unknown event '" + alt + "' (known: " + EventNames.summary() + ")",
                            t.column() + offset);
                }
                offset += alt.length() + 1;
            }
            List<Filter> filters = new ArrayList<>();
            while (true) {
                Token f = peek();
                int col = f.column();
                if (accept("of")) filters.add(new Filter("of", ref('G', "a G"), null, null, col));
                else if (accept("on")) filters.add(new Filter("on", ref('P', "a P"), null, null, col));
                else if (accept("by")) filters.add(new Filter("by", ref('M', "an M"), null, null, col));
                else if (accept("from")) filters.add(new Filter("from", ref('P', "a P"), null, null, col));
                else if (accept("user")) filters.add(new Filter("user", null, null, null, col));
                else if (accept("with")) {
                    Token s = peek();
                    if (s.kind() != Kind.STRING && s.kind() != Kind.INT && s.kind() != Kind.WORD) {
                        throw error("expected a value after 'with'");
                    }
                    next();
                    filters.add(new Filter("with", null, s.text(), null, col));
                } else if (accept("after")) filters.add(new Filter("after", null, null, term(), col));
                else if (accept("before")) filters.add(new Filter("before", null, null, term(), col));
                else break;
            }
            return new Selector(name, filters);
        }

        Expr trace() {
            int col = next().column();
            String mode;
            String field = null;
            Token pRef = null;
            int record = 0;
            if (accept("records")) {
                mode = "records";
            } else if (accept("max")) {
                mode = "max";
                Token f = peek();
                if (f.kind() != Kind.WORD || !TRACE_FIELDS.contains(f.text()) || f.text().equals("local")) {
                    throw error("expected a schedtrace field (threads, idleprocs, runqueue, …)");
                }
                field = next().text();
            } else {
                mode = "record";
                Token f = peek();
                if (f.kind() == Kind.REF && f.text().charAt(0) == 'P') {
                    pRef = next();
                    field = "p";
                } else if (f.kind() == Kind.WORD && TRACE_FIELDS.contains(f.text())) {
                    field = next().text();
                } else {
                    throw error("expected a schedtrace field (" + String.join(", ", new java.util.TreeSet<>(TRACE_FIELDS))
                            + ", or P0, P1, … for a local queue length)");
                }
                expect("of");
                if (accept("last")) {
                    expect("record");
                    record = -1;
                } else {
                    expect("record");
                    Token n = peek();
                    if (n.kind() != Kind.INT || n.number() < 1) throw error("expected a record number (1 is the first)");
                    record = (int) next().number();
                }
            }
            String file = null;
            if (accept("in")) {
                Token s = peek();
                if (s.kind() != Kind.STRING) throw error("expected a file name in quotes");
                file = next().text();
            }
            return new Trace(mode, field, pRef, record, file, col);
        }
    }
}
