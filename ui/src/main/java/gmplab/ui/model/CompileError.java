package gmplab.ui.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compile error at a place in the source, as the Go front end reports it ({@code file:line:col: message}). */
public record CompileError(String file, int line, int col, String message) {
    private static final Pattern FORMAT = Pattern.compile("^(.*?):(\\d+):(\\d+): (.*)$");

    /** Parses {@code file:line:col: message}; anything else becomes an error at 1:1. */
    public static CompileError parse(String s) {
        Matcher m = FORMAT.matcher(s.strip());
        if (m.matches()) {
            return new CompileError(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
        }
        return new CompileError("", 1, 1, s.strip());
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + col + ": " + message;
    }
}
