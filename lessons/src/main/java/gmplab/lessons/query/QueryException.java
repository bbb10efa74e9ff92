package gmplab.lessons.query;

/** A query that does not parse, or cannot be evaluated; {@link #column()} is 1-based within the query text. */
public final class QueryException extends RuntimeException {
    private final int column;

    public QueryException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based column in the query text (0 when the problem is not tied to a place in it). */
    public int column() {
        return column;
    }
}
