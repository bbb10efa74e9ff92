package gmplab.ui.view;

import java.nio.file.Path;

/** How the app starts: language, theme, presenter mode, run settings, and an optional PNG to render and exit. */
public record AppOptions(String lang, boolean presenter, String theme, int gomaxprocs, long seed, Path snapshot,
                         int event, String program, Path examplesDir) {
    public static AppOptions defaults() {
        return new AppOptions("en", false, "light", 4, 1, null, -1, "spawn-order", findExamples());
    }

    /** {@code examples/} in the working directory or one of its parents (the repo root), or null. */
    public static Path findExamples() {
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            Path e = p.resolve("examples");
            if (java.nio.file.Files.isDirectory(e) && java.nio.file.Files.exists(e.resolve("go.mod"))) return e;
        }
        return null;
    }
}
