package gmplab.ui.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Recently opened or saved .go files, newest first, in {@code ~/.gmplab/recent.txt} (or {@code -Dgmplab.recent=FILE}). */
final class RecentFiles {
    private static final int MAX = 8;
    private final Path store;

    RecentFiles() {
        String prop = System.getProperty("gmplab.recent");
        store = prop != null ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".gmplab", "recent.txt");
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(store)) {
                for (String l : Files.readAllLines(store)) if (!l.isBlank()) out.add(Path.of(l.trim()));
            }
        } catch (IOException | RuntimeException ignored) {
            // an unreadable list is an empty list
        }
        return out;
    }

    void add(Path p) {
        List<Path> l = list();
        Path abs = p.toAbsolutePath();
        l.remove(abs);
        l.add(0, abs);
        while (l.size() > MAX) l.remove(l.size() - 1);
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, l.stream().map(Path::toString).toList());
        } catch (IOException | RuntimeException ignored) {
            // recent files are a convenience
        }
    }
}
