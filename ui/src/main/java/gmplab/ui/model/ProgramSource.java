package gmplab.ui.model;

/**
 * Where a program comes from: a built-in workload or a Go source file. The
 * code pane shows {@link #text()}; "Run" calls {@link #compile} with the
 * (maybe edited) text and the run's settings. When the Go front end ({@code gmplab.golang}) is
 * available, {@link GoFrontEnd} is the one class to wire it in.
 */
public interface ProgramSource {
    /** Short name for the title bar and the Examples menu. */
    String name();

    /** Source text for the code pane (Go). */
    String text();

    /** True if editing the text changes what runs. */
    boolean editable();

    /** Compiles {@code text} (the code pane's current text) to a body factory or compile errors. */
    Compiled compile(String text, gmplab.runtime.SimConfig cfg);
}
