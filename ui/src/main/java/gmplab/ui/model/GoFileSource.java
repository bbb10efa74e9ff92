package gmplab.ui.model;

import java.nio.file.Path;

/** A Go source file (opened, or one of the examples); runs through {@link GoFrontEnd}. */
public record GoFileSource(Path path, String text) implements ProgramSource {
    @Override
    public String name() {
        Path parent = path.getParent();
        return parent == null ? path.getFileName().toString() : parent.getFileName() + "/" + path.getFileName();
    }

    @Override
    public boolean editable() {
        return GoFrontEnd.available();
    }

    @Override
    public Compiled compile(String current, gmplab.runtime.SimConfig cfg) {
        return GoFrontEnd.compile(path.getFileName().toString(), current, cfg);
    }
}
