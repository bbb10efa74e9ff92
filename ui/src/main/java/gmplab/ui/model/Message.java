package gmplab.ui.model;

/** A status line as a bundle key and arguments, so it re-translates when the language changes. */
public record Message(String key, Object... args) {
    public static final Message NONE = new Message("status.ready");
}
