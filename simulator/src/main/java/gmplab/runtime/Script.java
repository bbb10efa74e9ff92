package gmplab.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A goroutine body written as a list of steps, for demos and tests:
 * {@code Script.create().then(new Action.Compute(1000, false)).repeat(10, i -> …).build()}.
 * After the last step the goroutine returns ({@link Action.Exit}).
 */
public final class Script {
    private final List<Segment> segments = new ArrayList<>();
    private String label = "";

    /** {@code count} steps: a fixed action, an action per index, or an action from the last result. */
    private record Segment(int count, Action fixed, IntFunction<Action> perIndex, Function<Resume, Action> fromResume) {
        Action step(int i, Resume r) {
            if (fixed != null) return fixed;
            if (perIndex != null) return perIndex.apply(i);
            return fromResume.apply(r);
        }
    }

    private Script() {
    }

    public static Script create() {
        return new Script();
    }

    /** A label for tracebacks and the UI ({@code main.worker()}). */
    public Script named(String name) {
        this.label = name;
        return this;
    }

    /** One fixed action. */
    public Script then(Action a) {
        segments.add(new Segment(1, a, null, null));
        return this;
    }

    /** One action computed from the previous action's result. */
    public Script thenFrom(Function<Resume, Action> f) {
        segments.add(new Segment(1, null, null, f));
        return this;
    }

    /** {@code n} actions, the i-th made by {@code f}. */
    public Script repeat(int n, IntFunction<Action> f) {
        segments.add(new Segment(n, null, f, null));
        return this;
    }

    /** The same action {@code n} times. */
    public Script repeat(int n, Action a) {
        segments.add(new Segment(n, a, null, null));
        return this;
    }

    public GoroutineBody build() {
        List<Segment> segs = List.copyOf(segments);
        String name = label;
        return new GoroutineBody() {
            private int seg;
            private int idx;

            @Override
            public Action next(Resume resume) {
                if (resume.panic() != null) return new Action.Panic(resume.panic());
                while (seg < segs.size()) {
                    Segment s = segs.get(seg);
                    if (idx < s.count()) {
                        return s.step(idx++, resume);
                    }
                    seg++;
                    idx = 0;
                }
                return new Action.Exit();
            }

            @Override
            public String position() {
                return name.isEmpty() ? "" : name + "()";
            }
        };
    }
}
