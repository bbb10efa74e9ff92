package gmplab.golang;

import java.util.List;

/** A Go program failed to compile; {@link #errors()} holds the messages in gc's format. */
public final class GoCompileException extends Exception {
    private final List<String> errors;

    GoCompileException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** The error lines, each {@code file:line:col: message}. */
    public List<String> errors() {
        return errors;
    }

    /** The errors as {@code go build} prints them, with "too many errors" after ten. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String e : errors) {
            if (n++ == 10) {
                sb.append("too many errors\n");
                break;
            }
            sb.append(e).append('\n');
        }
        return sb.toString();
    }
}
