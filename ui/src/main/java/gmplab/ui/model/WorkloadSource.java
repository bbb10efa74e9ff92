package gmplab.ui.model;

import gmplab.cli.Workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A built-in workload; the code pane shows its Go equivalent from {@code examples/} when found. */
public record WorkloadSource(Workloads.Workload workload, String text) implements ProgramSource {

    /** The workload, with the Go equivalent {@code examples/<name without dashes>/main.go} if it exists. */
    public static WorkloadSource of(Workloads.Workload w, Path examplesDir) {
        String text = "// " + w.name() + ": " + w.description() + "\n// (built-in workload)\n";
        if (examplesDir != null) {
            Path go = examplesDir.resolve(w.name().replace("-", "")).resolve("main.go");
            try {
                if (Files.isRegularFile(go)) text = Files.readString(go);
            } catch (IOException ignored) {
                // keep the description
            }
        }
        return new WorkloadSource(w, text);
    }

    /** The default program: the built-in {@code spawn-order} workload. */
    public static WorkloadSource defaultProgram(Path examplesDir) {
        return of(Workloads.all().get("spawn-order"), examplesDir);
    }

    @Override
    public String name() {
        return workload.name();
    }

    @Override
    public boolean editable() {
        return false;
    }

    @Override
    public Compiled compile(String ignored, gmplab.runtime.SimConfig cfg) {
        return Compiled.ok(workload.main());
    }
}
