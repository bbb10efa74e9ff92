package gmplab.trace;

/** Receives every event as the engine emits it (recording, narration, traces, checks). */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event e);
}
