package gmplab.lessons;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gmplab lessons}: list the lessons, check them headless ({@code check
 * [--dir DIR]}), show or reset a learner's progress. Registered by the top-level
 * launcher by class name.
 */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "Self-study lessons whose answers the simulator computes.",
        subcommands = {LessonsCommand.Check.class, LessonsCommand.ListLessons.class, LessonsCommand.Progress.class})
public final class LessonsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public LessonsCommand() {
    }

    /** Without a subcommand: the list. */
    @Override
    public void run() {
        spec.commandLine().getSubcommands().get("list").execute();
    }

    static LessonLoader.Result load(LessonLoader loader, Path dir) {
        return dir == null ? loader.loadBundled() : loader.loadDirectory(dir);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Load every lesson (the bundled ones, or those in DIR), run every step's query and "
                    + "predicate headless, and fail on any problem with its file and line."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "A folder of lessons (each a folder with a lesson.json).")
        Path dir;

        @Option(names = {"-v", "--verbose"}, description = "Print every step's computed answer.")
        boolean verbose;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LessonRuns runs = new LessonRuns();
            LessonLoader.Result loaded = load(new LessonLoader(runs), dir);
            int problems = 0;
            for (Problem p : loaded.problems()) {
                err.println(p);
                problems++;
            }
            LessonChecker checker = new LessonChecker(runs);
            int steps = 0;
            for (Lesson l : loaded.lessons()) {
                long t0 = System.nanoTime();
                LessonChecker.Report r = checker.check(l);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                steps += r.steps().size();
                for (Problem p : r.problems()) err.println(p);
                problems += r.problems().size();
                out.printf("%s %-22s %2d steps (%d interactive) %5d ms%n", r.problems().isEmpty() ? "ok  " : "FAIL",
                        l.id(), l.steps().size(), l.interactiveSteps(), ms);
                if (verbose) {
                    for (LessonChecker.StepReport s : r.steps()) {
                        out.printf("       %2d %-9s %s%n", s.index() + 1, s.kind().name().toLowerCase(),
                                s.answer() == null ? "-" : abbreviate(s.answer()));
                    }
                }
            }
            out.printf("%d lesson(s), %d step(s), %d problem(s)%n", loaded.lessons().size(), steps, problems);
            out.flush();
            err.flush();
            return problems == 0 ? 0 : 1;
        }

        private static String abbreviate(String s) {
            s = s.replace('\n', ' ');
            return s.length() > 100 ? s.substring(0, 97) + "…" : s;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the lessons with the learner's progress.")
    static final class ListLessons implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "A folder of lessons instead of the bundled ones.")
        Path dir;

        @Option(names = "--lang", defaultValue = "en", description = "en or zh-CN (default: ${DEFAULT-VALUE}).")
        String lang;

        @Option(names = "--progress", paramLabel = "FILE", description = "Progress file (default: ~/.gmplab/progress.json).")
        Path progressFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LessonLoader.Result loaded = load(new LessonLoader(), dir);
            for (Problem p : loaded.problems()) spec.commandLine().getErr().println(p);
            Locale locale = Locale.forLanguageTag(lang);
            ProgressStore store = new ProgressStore(progressFile == null ? ProgressStore.defaultLocation() : progressFile);
            for (Lesson l : loaded.lessons()) {
                ProgressStore.LessonProgress p = store.lesson(l.id());
                out.printf("%-22s %3d/%-3d %s%n", l.id(), p.completed().size(), l.steps().size(), l.title().in(locale));
            }
            out.flush();
            return loaded.ok() ? 0 : 1;
        }
    }

    @Command(name = "progress", mixinStandardHelpOptions = true, description = "Show or reset the learner's progress.")
    static final class Progress implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--reset", paramLabel = "LESSON", arity = "0..1", fallbackValue = "*",
                description = "Forget the progress of LESSON (or of every lesson).")
        String reset;

        @Option(names = "--progress", paramLabel = "FILE", description = "Progress file (default: ~/.gmplab/progress.json).")
        Path progressFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ProgressStore store = new ProgressStore(progressFile == null ? ProgressStore.defaultLocation() : progressFile);
            if (reset != null) {
                if (reset.equals("*")) store.resetAll();
                else store.reset(reset);
                out.println("progress reset: " + (reset.equals("*") ? "all lessons" : reset));
            } else {
                List<String> ids = store.lessonIds();
                if (ids.isEmpty()) out.println("no progress yet (" + store.path() + ")");
                for (String id : ids) {
                    ProgressStore.LessonProgress p = store.lesson(id);
                    out.printf("%-22s at step %d, %d step(s) done%n", id, p.current() + 1, p.completed().size());
                }
            }
            out.flush();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LessonsCommand()).execute(args));
    }
}
