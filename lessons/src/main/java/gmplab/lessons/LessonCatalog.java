package gmplab.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a lesson browser shows: the lessons (bundled, or a teacher's folder), the
 * learner's progress in each, the problems of lessons that did not load, and a
 * player to open. One object for the UI to hold; it runs the simulator only when
 * a player asks for a step.
 */
public final class LessonCatalog {
    private final LessonRuns runs;
    private final LessonLoader.Result loaded;
    private final ProgressStore store;

    private LessonCatalog(LessonRuns runs, LessonLoader.Result loaded, ProgressStore store) {
        this.runs = runs;
        this.loaded = loaded;
        this.store = store;
    }

    /** The bundled lessons, with progress in {@code store} (null: none kept). */
    public static LessonCatalog bundled(ProgressStore store) {
        LessonRuns runs = new LessonRuns();
        return new LessonCatalog(runs, new LessonLoader(runs).loadBundled(), store);
    }

    /** The lessons in {@code dir} (a teacher's folder). */
    public static LessonCatalog directory(Path dir, ProgressStore store) {
        LessonRuns runs = new LessonRuns();
        return new LessonCatalog(runs, new LessonLoader(runs).loadDirectory(dir), store);
    }

    /** One row of the browser. */
    public record Entry(Lesson lesson, String title, String summary, int done, int total, int current) {
        public boolean finished() {
            return done == total;
        }
    }

    public List<Entry> entries(Locale locale) {
        List<Entry> out = new ArrayList<>();
        for (Lesson l : loaded.lessons()) {
            ProgressStore.LessonProgress p = store == null ? null : store.lesson(l.id());
            int done = 0;
            if (p != null) for (int i = 0; i < l.steps().size(); i++) if (p.done(i)) done++;
            out.add(new Entry(l, l.title().in(locale), l.summary() == null ? "" : l.summary().in(locale), done,
                    l.steps().size(), p == null ? 0 : Math.min(p.current(), l.steps().size() - 1)));
        }
        return out;
    }

    /** Lessons that did not load, as {@code file:line:column: message}. */
    public List<Problem> problems() {
        return loaded.problems();
    }

    /** A player for lesson {@code id}, resuming where the learner left off. */
    public LessonPlayer open(String id, Locale locale) {
        for (Lesson l : loaded.lessons()) {
            if (l.id().equals(id)) return new LessonPlayer(l, locale, runs, store);
        }
        throw new IllegalArgumentException("no lesson \"" + id + "\"");
    }
}
