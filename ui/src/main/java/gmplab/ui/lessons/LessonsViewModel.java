package gmplab.ui.lessons;

import gmplab.lessons.LessonCatalog;
import gmplab.lessons.Problem;
import gmplab.lessons.ProgressStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The lesson browser's view model: the lessons of a catalog (the bundled ones or
 * a teacher's folder) with the learner's progress in each, and the problems of
 * the lessons that did not load. Loading and opening run on {@code background}
 * (one thread: the catalog and its players are not thread-safe); results are
 * published through {@code ui} (the FX thread in the app, direct in tests).
 */
public final class LessonsViewModel {
    /** One row of the browser. {@code current} is the 0-based step the learner will resume at. */
    public record Row(String id, String title, String summary, int done, int total, int current) {
        public boolean finished() {
            return total > 0 && done == total;
        }

        public double fraction() {
            return total == 0 ? 0 : (double) done / total;
        }
    }

    /** Where the lessons come from: the bundled ones ({@code folder == null}) or a folder. */
    public record Source(Path folder) {
        public static final Source BUNDLED = new Source(null);

        public boolean bundled() {
            return folder == null;
        }
    }

    private final Executor background;
    private final Executor ui;
    private final ProgressStore store;
    private final Function<Source, LessonCatalog> loader;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private LessonCatalog catalog;
    private Source loaded;

    public LessonsViewModel(Executor background, Executor ui, ProgressStore store) {
        this(background, ui, store, s -> s.bundled() ? LessonCatalog.bundled(store) : LessonCatalog.directory(s.folder(), store));
    }

    LessonsViewModel(Executor background, Executor ui, ProgressStore store, Function<Source, LessonCatalog> loader) {
        this.background = background;
        this.ui = ui;
        this.store = store;
        this.loader = loader;
        source.set(Source.BUNDLED);
    }

    /** Shows the bundled lessons (loads them the first time). */
    public void loadBundled() {
        load(Source.BUNDLED);
    }

    /** Shows the lessons in a teacher's folder: each sub-folder with a {@code lesson.json} (or the folder itself). */
    public void openFolder(Path dir) {
        load(new Source(dir));
    }

    /** Loads {@code s} unless it is what is shown; then refreshes the rows. */
    public void load(Source s) {
        source.set(s);
        busy.set(true);
        error.set(null);
        Locale l = locale.get();
        background.execute(() -> {
            try {
                LessonCatalog c = s.equals(loaded) && catalog != null ? catalog : loader.apply(s);
                catalog = c;
                loaded = s;
                List<Row> r = rowsOf(c, l);
                List<String> p = c.problems().stream().map(Problem::toString).toList();
                ui.execute(() -> {
                    rows.setAll(r);
                    problems.setAll(p);
                    busy.set(false);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    rows.clear();
                    problems.clear();
                    error.set(String.valueOf(e.getMessage()));
                    busy.set(false);
                });
            }
        });
    }

    /** Re-reads the rows (titles in the current language, progress as saved). */
    public void refresh() {
        Locale l = locale.get();
        background.execute(() -> {
            if (catalog == null) return;
            List<Row> r = rowsOf(catalog, l);
            ui.execute(() -> rows.setAll(r));
        });
    }

    public void setLocale(Locale l) {
        locale.set(l);
        refresh();
    }

    private static List<Row> rowsOf(LessonCatalog c, Locale l) {
        return c.entries(l).stream()
                .map(e -> new Row(e.lesson().id(), e.title(), e.summary(), e.done(), e.total(), e.current()))
                .toList();
    }

    /**
     * Opens lesson {@code id} in a player view model (resuming where the learner
     * left off); the lessons are loaded first if they are not yet, and the
     * first step is computed, on the background thread ({@link LessonPlayerViewModel#start()}).
     */
    public LessonPlayerViewModel open(String id) {
        Source s = source.get();
        LessonPlayerViewModel p = new LessonPlayerViewModel(() -> {
            if (catalog == null) {
                catalog = loader.apply(s);
                loaded = s;
            }
            return catalog.open(id, locale.get());
        }, background, ui);
        p.setOnProgress(this::refresh);
        return p;
    }

    public ObservableList<Row> rows() { return rows; }
    public ObservableList<String> problems() { return problems; }
    public ReadOnlyObjectProperty<Source> sourceProperty() { return source; }
    public ObjectProperty<Locale> localeProperty() { return locale; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    /** Set when the lessons could not be loaded at all (a folder that cannot be read). */
    public ReadOnlyObjectProperty<String> errorProperty() { return error; }
    public ProgressStore store() { return store; }

}
