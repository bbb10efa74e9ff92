package gmplab.lessons;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A learner's progress — per lesson: the step they are on, the steps done, the
 * attempts and last answer per step — kept as JSON in
 * {@code ~/.gmplab/progress.json} (or {@code -Dgmplab.progress=FILE}).
 * Every change is written at once, to a temporary file that is then moved over
 * the old one atomically, so a crash leaves either the old or the new file,
 * never half of one. A file that cannot be read is kept aside
 * ({@code progress.json.unreadable-…}) and progress starts afresh.
 */
public final class ProgressStore {
    /** Progress in one lesson (step numbers are 0-based). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LessonProgress(int current, SortedSet<Integer> completed, Map<Integer, Integer> attempts,
                                 Map<Integer, String> answers, String updated) {
        public LessonProgress {
            completed = completed == null ? new TreeSet<>() : new TreeSet<>(completed);
            attempts = attempts == null ? new TreeMap<>() : new TreeMap<>(attempts);
            answers = answers == null ? new TreeMap<>() : new TreeMap<>(answers);
        }

        static LessonProgress empty() {
            return new LessonProgress(0, null, null, null, null);
        }

        public int attempts(int step) {
            return attempts.getOrDefault(step, 0);
        }

        public boolean done(int step) {
            return completed.contains(step);
        }
    }

    /** The file's shape. */
    record FileData(int version, Map<String, LessonProgress> lessons) {
        FileData {
            lessons = lessons == null ? new TreeMap<>() : new TreeMap<>(lessons);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;
    private FileData data;
    private String warning;

    public ProgressStore(Path path) {
        this.path = path;
    }

    /** {@code -Dgmplab.progress}, else {@code ~/.gmplab/progress.json}. */
    public static Path defaultLocation() {
        String p = System.getProperty("gmplab.progress");
        if (p != null && !p.isBlank()) return Path.of(p);
        return Path.of(System.getProperty("user.home"), ".gmplab", "progress.json");
    }

    public Path path() {
        return path;
    }

    /** Set when the file existed but could not be read (it was kept aside), else null. */
    public synchronized String warning() {
        data();
        return warning;
    }

    private FileData data() {
        if (data != null) return data;
        if (!Files.exists(path)) {
            data = new FileData(1, null);
            return data;
        }
        try {
            data = JSON.readValue(Files.readAllBytes(path), FileData.class);
            if (data.lessons() == null) data = new FileData(1, null);
        } catch (IOException | RuntimeException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(path, aside);
                warning = "could not read " + path + " (" + e.getMessage() + "); kept it as " + aside
                        + " and started afresh";
            } catch (IOException moveFailed) {
                warning = "could not read " + path + ": " + e.getMessage();
            }
            data = new FileData(1, null);
        }
        return data;
    }

    public synchronized LessonProgress lesson(String id) {
        LessonProgress p = data().lessons().get(id);
        return p == null ? LessonProgress.empty() : p;
    }

    public synchronized List<String> lessonIds() {
        return new ArrayList<>(data().lessons().keySet());
    }

    /** Changes one lesson's progress and saves. */
    public synchronized LessonProgress update(String id, UnaryOperator<LessonProgress> change) {
        LessonProgress p = change.apply(lesson(id));
        p = new LessonProgress(p.current(), p.completed(), p.attempts(), p.answers(), Instant.now().toString());
        data().lessons().put(id, p);
        save();
        return p;
    }

    /** The learner is now on step {@code step} (resume brings them back here). */
    public LessonProgress setCurrent(String id, int step) {
        return update(id, p -> new LessonProgress(step, p.completed(), p.attempts(), p.answers(), null));
    }

    /** Records an attempt at {@code step} with the learner's answer; a correct one completes the step. */
    public LessonProgress recordAnswer(String id, int step, String answer, boolean correct) {
        return update(id, p -> {
            p.attempts().merge(step, 1, Integer::sum);
            if (answer != null) p.answers().put(step, answer);
            if (correct) p.completed().add(step);
            return p;
        });
    }

    /** Marks {@code step} done (explain steps, once seen). */
    public LessonProgress complete(String id, int step) {
        return update(id, p -> {
            p.completed().add(step);
            return p;
        });
    }

    public synchronized void reset(String id) {
        if (data().lessons().remove(id) != null) save();
    }

    public synchronized void resetAll() {
        data().lessons().clear();
        save();
    }

    /** Writes a temporary file beside the target, forces it to disk, then moves it over the target atomically. */
    private void save() {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(JSON.writeValueAsBytes(data));
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save progress to " + path + ": " + e.getMessage(), e);
        }
    }
}
