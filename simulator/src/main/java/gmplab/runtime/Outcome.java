package gmplab.runtime;

/** How a run ended: exit status, why, and the message for the user. */
public record Outcome(int exitCode, Reason reason, String message) {
    public enum Reason { EXIT, OS_EXIT, PANIC, FATAL, TIME_LIMIT, EVENT_LIMIT }
}
