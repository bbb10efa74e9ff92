package gmplab.lessons;

/**
 * Something wrong with a lesson, at a place in a file: printed as
 * {@code file:line:column: message}, like a compiler error.
 */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
