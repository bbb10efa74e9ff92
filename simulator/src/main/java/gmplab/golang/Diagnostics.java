package gmplab.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects compile errors worded like the Go compiler's ({@code file:line:col: message}).
 * Like {@code go build}, at most ten errors are reported before "too many errors".
 */
final class Diagnostics {
    private final String file;
    private final List<String> errors = new ArrayList<>();
    private final java.util.Set<Long> seenLines = new java.util.HashSet<>();

    Diagnostics(String file) {
        this.file = file;
    }

    /** Records an error at a position; only the first error at a given position is kept. */
    void error(int line, int col, String message) {
        if (!seenLines.add(((long) line << 20) | col)) return;
        errors.add(file + ":" + line + ":" + col + ": " + message);
    }

    void error(Node at, String message) {
        error(at.line, at.col, message);
    }

    int count() {
        return errors.size();
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    String file() {
        return file;
    }
}
