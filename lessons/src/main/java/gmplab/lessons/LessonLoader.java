package gmplab.lessons;

import gmplab.golang.GoCompileException;
import gmplab.lessons.query.Query;
import gmplab.lessons.query.QueryException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads lessons: the bundled ones (class path {@code lessons/INDEX} lists their
 * folders) or every folder with a {@code lesson.json} in a directory (a teacher's
 * own). A bad lesson is reported — file, line and column, like a compiler — and
 * left out; the others still load.
 */
public final class LessonLoader {
    /** Class-path folder of the bundled lessons. */
    public static final String BUNDLED_ROOT = "lessons/";

    private static final Set<String> STEP_KINDS = Set.of("explain", "predict", "try", "quiz", "challenge");
    private static final Set<String> EDITABLE = Set.of("gomaxprocs", "seed", "asyncPreempt", "code");
    private static final Set<String> ASKS = Set.of("g", "victim", "p", "n", "key");

    private final LessonRuns runs;

    public LessonLoader() {
        this(new LessonRuns());
    }

    public LessonLoader(LessonRuns runs) {
        this.runs = runs;
    }

    /** The lessons that loaded, in order, and the problems found. */
    public record Result(List<Lesson> lessons, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Where a lesson's files come from. */
    interface Source {
        /** The file's text, or null if it does not exist. */
        String read(String name) throws IOException;

        /** How to name a file in messages. */
        String display(String name);

        String folder();
    }

    /** Loads the lessons bundled with GMP Lab. */
    public Result loadBundled() {
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String index = resource(BUNDLED_ROOT + "INDEX");
        if (index == null) {
            problems.add(new Problem(BUNDLED_ROOT + "INDEX", 1, 1, "the bundled lesson index is missing"));
            return new Result(lessons, problems);
        }
        for (String line : index.split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) continue;
            String folder = BUNDLED_ROOT + id;
            load(new Source() {
                public String read(String name) {
                    return resource(folder + "/" + name);
                }

                public String display(String name) {
                    return folder + "/" + name;
                }

                public String folder() {
                    return id;
                }
            }, lessons, problems);
        }
        return sorted(lessons, problems);
    }

    /** Loads every sub-folder of {@code dir} that holds a {@code lesson.json} (or {@code dir} itself if it does). */
    public Result loadDirectory(Path dir) {
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 1, 1, "not a directory"));
            return new Result(lessons, problems);
        }
        List<Path> folders = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve("lesson.json"))) {
            folders.add(dir);
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> Files.isRegularFile(p.resolve("lesson.json"))).sorted().forEach(folders::add);
            } catch (IOException e) {
                problems.add(new Problem(dir.toString(), 1, 1, "cannot list: " + e.getMessage()));
            }
        }
        if (folders.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(dir.toString(), 1, 1, "no lesson folders (a folder with a lesson.json) here"));
        }
        for (Path f : folders) {
            load(new Source() {
                public String read(String name) throws IOException {
                    Path p = f.resolve(name).normalize();
                    if (!p.startsWith(f) || !Files.isRegularFile(p)) return null;
                    return Files.readString(p, StandardCharsets.UTF_8);
                }

                public String display(String name) {
                    return f.resolve(name).toString();
                }

                public String folder() {
                    return f.getFileName().toString();
                }
            }, lessons, problems);
        }
        return sorted(lessons, problems);
    }

    private static Result sorted(List<Lesson> lessons, List<Problem> problems) {
        lessons.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id));
        return new Result(List.copyOf(lessons), List.copyOf(problems));
    }

    private static String resource(String path) {
        try (InputStream in = LessonLoader.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Loads one lesson from {@code src}, adding it or its problems. */
    void load(Source src, List<Lesson> lessons, List<Problem> problems) {
        Reader r = new Reader(src);
        Lesson l = r.lesson();
        if (r.problems.isEmpty() && l != null) lessons.add(l);
        problems.addAll(r.problems);
    }

    /** Reads one manifest, collecting problems instead of stopping at the first. */
    private final class Reader {
        final Source src;
        final String file;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, String> programs = new LinkedHashMap<>();
        final Map<String, String> files = new LinkedHashMap<>();

        Reader(Source src) {
            this.src = src;
            this.file = src.display("lesson.json");
        }

        void problem(Json at, String msg) {
            problems.add(new Problem(file, at == null ? 1 : at.line, at == null ? 1 : at.column, msg));
        }

        Lesson lesson() {
            String text;
            try {
                text = src.read("lesson.json");
            } catch (IOException e) {
                problems.add(new Problem(file, 1, 1, "cannot read: " + e.getMessage()));
                return null;
            }
            if (text == null) {
                problems.add(new Problem(file, 1, 1, "missing lesson.json"));
                return null;
            }
            Json root;
            try {
                root = Json.parse(text);
            } catch (Json.SyntaxError e) {
                problems.add(new Problem(file, e.line, e.column, "malformed JSON: " + e.getMessage()));
                return null;
            }
            if (!root.isObject()) {
                problem(root, "a lesson must be a JSON object, found " + root.kindName());
                return null;
            }
            fields(root, "lesson", Set.of("id", "order", "title", "summary", "settings", "program", "programs",
                    "files", "steps"));
            String id = string(root, "id", true);
            if (id != null && !id.equals(src.folder())) {
                problem(root.get("id"), "id \"" + id + "\" must match the folder name \"" + src.folder() + "\"");
            }
            int order = (int) number(root, "order", 1000);
            Text title = text(root, "title", true);
            Text summary = text(root, "summary", false);
            Settings settings = settings(root.get("settings"));
            String program = string(root, "program", false);
            Json progs = root.get("programs");
            if (progs != null) for (Json p : array(progs, "programs")) readProgram(p, stringValue(p, "a file name"));
            if (program != null) readProgram(root.get("program"), program);
            Json fl = root.get("files");
            if (fl != null) {
                for (Json f : array(fl, "files")) {
                    String name = stringValue(f, "a file name");
                    if (name == null) continue;
                    try {
                        String t = src.read(name);
                        if (t == null) problem(f, "file \"" + name + "\" not found next to lesson.json");
                        else files.put(name, t);
                    } catch (IOException e) {
                        problem(f, "cannot read \"" + name + "\": " + e.getMessage());
                    }
                }
            }
            List<Step> steps = new ArrayList<>();
            Json st = root.get("steps");
            if (st == null) {
                problem(root, "missing field \"steps\"");
            } else {
                for (Json s : array(st, "steps")) {
                    Step step = step(s, program, settings);
                    if (step != null) steps.add(step);
                }
                if (steps.isEmpty() && problems.isEmpty()) problem(st, "a lesson needs at least one step");
            }
            if (!problems.isEmpty()) return null;
            return new Lesson(id, order, title, summary, settings, program, Map.copyOf(programs), Map.copyOf(files),
                    List.copyOf(steps), src.display("").replaceAll("/$", ""));
        }

        /** Reads and compiles a Go file (once); false if it is missing or does not compile. */
        boolean readProgram(Json at, String name) {
            if (name == null) return false;
            if (programs.containsKey(name)) return true;
            if (!name.endsWith(".go")) {
                problem(at, "a program must be a .go file, got \"" + name + "\"");
                return false;
            }
            String source;
            try {
                source = src.read(name);
            } catch (IOException e) {
                problem(at, "cannot read \"" + name + "\": " + e.getMessage());
                return false;
            }
            if (source == null) {
                problem(at, "program \"" + name + "\" not found next to lesson.json");
                return false;
            }
            programs.put(name, source);
            if (source.contains("{{")) return true; // a quiz template: compiled per variant
            try {
                runs.compile(name, source);
            } catch (GoCompileException e) {
                for (String err : e.errors()) problems.add(goProblem(src.display(name), err));
                return false;
            } catch (RuntimeException e) {
                problem(at, "the Go front end failed on \"" + name + "\": " + e);
                return false;
            }
            return true;
        }

        Step step(Json s, String lessonProgram, Settings lessonSettings) {
            if (!s.isObject()) {
                problem(s, "a step must be an object, found " + s.kindName());
                return null;
            }
            String kind = string(s, "kind", true);
            if (kind == null) return null;
            if (!STEP_KINDS.contains(kind)) {
                problem(s.get("kind"), "unknown step kind \"" + kind + "\" (known: explain, predict, try, quiz, challenge)");
                return null;
            }
            Text text = text(s, "text", true);
            String program = string(s, "program", false);
            if (program != null) readProgram(s.get("program"), program);
            else program = lessonProgram;
            Settings settings = lessonSettings.with(settings(s.get("settings")));
            int line = s.line;
            int col = s.column;
            boolean needsProgram = !kind.equals("explain") || s.get("seek") != null;
            if (needsProgram && program == null) {
                problem(s, "this " + kind + " step runs a program, but neither the step nor the lesson names one");
            }
            switch (kind) {
                case "explain" -> {
                    fields(s, "explain step", Set.of("kind", "text", "program", "settings", "seek"));
                    return new Step.Explain(text, program, settings, query(s, "seek", false), line, col);
                }
                case "predict" -> {
                    fields(s, "predict step", Set.of("kind", "text", "program", "settings", "query", "seek", "choices",
                            "explain"));
                    Query q = query(s, "query", true);
                    return new Step.Predict(text, program, settings, q, query(s, "seek", false), choices(s.get("choices")),
                            text(s, "explain", false), line, col);
                }
                case "try" -> {
                    fields(s, "try step", Set.of("kind", "text", "program", "settings", "editable", "goal", "solution",
                            "solutionSettings", "hint", "explain"));
                    Set<String> editable = new LinkedHashSet<>();
                    Json ed = s.get("editable");
                    if (ed == null) problem(s, "missing field \"editable\" (what the learner may change: "
                            + String.join(", ", EDITABLE) + ")");
                    else for (Json e : array(ed, "editable")) {
                        String v = stringValue(e, "a setting name");
                        if (v != null && !EDITABLE.contains(v)) {
                            problem(e, "cannot edit \"" + v + "\" (editable: gomaxprocs, seed, asyncPreempt, code)");
                        } else if (v != null) {
                            editable.add(v);
                        }
                    }
                    Query goal = query(s, "goal", true);
                    if (goal != null && !goal.isPredicate()) {
                        problem(s.get("goal"), "a goal must be a comparison or a condition (e.g. max threads >= 10)");
                    }
                    String solution = string(s, "solution", false);
                    if (solution != null) readProgram(s.get("solution"), solution);
                    Settings solSettings = s.get("solutionSettings") == null ? null
                            : settings.with(settings(s.get("solutionSettings")));
                    if (solution == null && solSettings == null) {
                        problem(s, "a try step needs a \"solution\" program or \"solutionSettings\", so lessons check can "
                                + "show the goal can be reached");
                    }
                    return new Step.Try(text, program, settings, Set.copyOf(editable), goal, solution, solSettings,
                            text(s, "hint", false), text(s, "explain", false), line, col);
                }
                case "quiz" -> {
                    fields(s, "quiz step", Set.of("kind", "text", "program", "settings", "params", "query", "choices",
                            "explain"));
                    Map<String, long[]> params = params(s);
                    String q = string(s, "query", true);
                    List<String> choices = new ArrayList<>();
                    Json ch = s.get("choices");
                    if (ch != null) for (Json c : array(ch, "choices")) {
                        String v = stringValue(c, "a choice (a template string)");
                        if (v != null) choices.add(v);
                    }
                    Map<String, Long> min = new HashMap<>();
                    params.forEach((k, v) -> min.put(k, v[0]));
                    try {
                        if (q != null) Query.parse(Template.render(q, min));
                        for (String c : choices) Template.render(c, min);
                        if (text != null) text.render(min);
                        String src2 = program == null ? null : programs.get(program);
                        if (src2 != null && src2.contains("{{")) {
                            try {
                                runs.compile(program, Template.render(src2, min));
                            } catch (GoCompileException e) {
                                for (String err : e.errors()) problems.add(goProblem(src.display(program) + " (variant)", err));
                            }
                        }
                    } catch (QueryException e) {
                        problem(s.get("query"), "query does not parse: " + e.getMessage());
                    } catch (Template.TemplateException e) {
                        problem(s, e.getMessage());
                    }
                    return new Step.Quiz(text, program, settings, params, q, List.copyOf(choices),
                            text(s, "explain", false), line, col);
                }
                default -> {
                    fields(s, "challenge step", Set.of("kind", "text", "program", "settings", "points", "ask", "options",
                            "limit", "explain"));
                    String points = string(s, "points", true);
                    Query pq = null;
                    if (points != null) {
                        try {
                            pq = Query.parse("list seq of " + points);
                        } catch (QueryException e) {
                            problem(s.get("points"), "points do not parse as events: " + e.getMessage());
                        }
                    }
                    String ask = string(s, "ask", true);
                    if (ask != null && !ASKS.contains(ask)) {
                        problem(s.get("ask"), "unknown ask \"" + ask + "\" (g, victim, p, n or key)");
                    }
                    List<Choice> options = choices(s.get("options"));
                    if ("key".equals(ask) && options.isEmpty()) {
                        problem(s, "a challenge that asks for the rule (key) needs \"options\"");
                    }
                    int limit = (int) number(s, "limit", 5);
                    return new Step.Challenge(text, program, settings, points, pq, ask, options, limit,
                            text(s, "explain", false), line, col);
                }
            }
        }

        Map<String, long[]> params(Json s) {
            Map<String, long[]> out = new LinkedHashMap<>();
            Json p = s.get("params");
            if (p == null) return out;
            if (!p.isObject()) {
                problem(p, "\"params\" must be an object of name: [min, max]");
                return out;
            }
            p.object().forEach((name, range) -> {
                List<Json> a = range.value instanceof List ? range.array() : null;
                if (a == null || a.size() != 2 || !(a.get(0).value instanceof Number)
                        || !(a.get(1).value instanceof Number)) {
                    problem(range, "param \"" + name + "\" must be [min, max]");
                    return;
                }
                long lo = ((Number) a.get(0).value).longValue();
                long hi = ((Number) a.get(1).value).longValue();
                if (lo > hi) problem(range, "param \"" + name + "\": min is greater than max");
                else if (name.equals("gomaxprocs") && (lo < 1 || hi > 64)) problem(range, "gomaxprocs must be 1..64");
                else out.put(name, new long[]{lo, hi});
            });
            return out;
        }

        Query query(Json s, String field, boolean required) {
            String q = string(s, field, required);
            if (q == null) return null;
            try {
                return Query.parse(q);
            } catch (QueryException e) {
                Json at = s.get(field);
                // the string starts after its opening quote
                problems.add(new Problem(file, at.line, at.column + Math.max(1, e.column()),
                        "query does not parse: " + e.getMessage()));
                return null;
            }
        }

        List<Choice> choices(Json c) {
            List<Choice> out = new ArrayList<>();
            if (c == null) return out;
            for (Json j : array(c, "choices")) {
                if (j.value instanceof String str) {
                    out.add(new Choice(str, null));
                } else if (j.isObject()) {
                    fields(j, "choice", Set.of("value", "label"));
                    String v = string(j, "value", true);
                    Text label = text(j, "label", false);
                    if (v != null) out.add(new Choice(v, label));
                } else {
                    problem(j, "a choice must be a string or {\"value\", \"label\"}, found " + j.kindName());
                }
            }
            return out;
        }

        Settings settings(Json s) {
            if (s == null) return Settings.NONE;
            if (!s.isObject()) {
                problem(s, "\"settings\" must be an object");
                return Settings.NONE;
            }
            fields(s, "settings", Set.of("gomaxprocs", "seed", "asyncPreempt", "schedtraceMs"));
            Integer procs = null;
            Long seed = null;
            Boolean async = null;
            Integer trace = null;
            if (s.get("gomaxprocs") != null) {
                long v = number(s, "gomaxprocs", 4);
                if (v < 1 || v > 256) problem(s.get("gomaxprocs"), "gomaxprocs must be between 1 and 256");
                else procs = (int) v;
            }
            if (s.get("seed") != null) seed = number(s, "seed", 1);
            if (s.get("asyncPreempt") != null) {
                if (s.get("asyncPreempt").value instanceof Boolean b) async = b;
                else problem(s.get("asyncPreempt"), "asyncPreempt must be true or false");
            }
            if (s.get("schedtraceMs") != null) trace = (int) number(s, "schedtraceMs", 0);
            return new Settings(procs, seed, async, trace);
        }

        void fields(Json obj, String what, Set<String> known) {
            for (Map.Entry<String, Json> e : obj.object().entrySet()) {
                if (!known.contains(e.getKey())) {
                    problem(e.getValue(), "unknown field \"" + e.getKey() + "\" in " + what + " (known: "
                            + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }

        List<Json> array(Json j, String name) {
            if (j.value instanceof List) return j.array();
            problem(j, "\"" + name + "\" must be an array, found " + j.kindName());
            return List.of();
        }

        String string(Json obj, String field, boolean required) {
            Json j = obj.get(field);
            if (j == null) {
                if (required) problem(obj, "missing field \"" + field + "\"");
                return null;
            }
            return stringValue(j, "\"" + field + "\" (a string)");
        }

        String stringValue(Json j, String what) {
            if (j.value instanceof String s) {
                if (s.isBlank()) {
                    problem(j, what + " must not be empty");
                    return null;
                }
                return s;
            }
            problem(j, "expected " + what + ", found " + j.kindName());
            return null;
        }

        long number(Json obj, String field, long dflt) {
            Json j = obj.get(field);
            if (j == null) return dflt;
            if (j.value instanceof Number n && n.doubleValue() == n.longValue()) return n.longValue();
            problem(j, "\"" + field + "\" must be an integer, found " + j.kindName());
            return dflt;
        }

        Text text(Json obj, String field, boolean required) {
            Json j = obj.get(field);
            if (j == null) {
                if (required) problem(obj, "missing field \"" + field + "\" (an object with \"en\" and \"zh-CN\")");
                return null;
            }
            if (!j.isObject()) {
                problem(j, "\"" + field + "\" must be an object with \"en\" and \"zh-CN\" texts, found " + j.kindName());
                return null;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, Json> e : j.object().entrySet()) {
                if (!Text.LANGUAGES.contains(e.getKey())) {
                    problem(e.getValue(), "unknown language \"" + e.getKey() + "\" (texts are in en and zh-CN)");
                    continue;
                }
                String v = stringValue(e.getValue(), "the " + e.getKey() + " text of \"" + field + "\"");
                if (v != null) m.put(e.getKey(), v);
            }
            for (String lang : Text.LANGUAGES) {
                if (!j.object().containsKey(lang)) problem(j, "\"" + field + "\" has no " + lang + " text");
            }
            return new Text(m);
        }
    }

    /** {@code main.go:12:5: undefined: x} → a problem in the lesson's file. */
    static Problem goProblem(String display, String err) {
        String[] parts = err.split(":", 4);
        if (parts.length == 4) {
            try {
                return new Problem(display, Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()),
                        parts[3].strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return new Problem(display, 1, 1, err);
    }
}
