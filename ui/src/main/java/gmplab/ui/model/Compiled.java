package gmplab.ui.model;

import gmplab.runtime.GoroutineBody;

import java.util.List;
import java.util.function.Supplier;

/** The result of compiling a program: a factory of fresh main bodies, or compile errors. */
public record Compiled(Supplier<GoroutineBody> main, List<CompileError> errors) {
    public static Compiled ok(Supplier<GoroutineBody> main) {
        return new Compiled(main, List.of());
    }

    public static Compiled failed(List<CompileError> errors) {
        return new Compiled(null, List.copyOf(errors));
    }

    public boolean ok() {
        return main != null && errors.isEmpty();
    }
}
