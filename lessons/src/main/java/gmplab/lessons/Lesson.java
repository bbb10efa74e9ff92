package gmplab.lessons;

import java.util.List;
import java.util.Map;

/**
 * A loaded lesson: its manifest, its Go programs (file name → source) and any
 * other text files it ships (e.g. a real {@code schedtrace} log).
 *
 * @param location where it was loaded from (for messages), e.g. {@code lessons/spawn-order}
 */
public record Lesson(String id, int order, Text title, Text summary, Settings settings, String program,
                     Map<String, String> programs, Map<String, String> files, List<Step> steps, String location) {

    /** The number of steps a learner answers or does. */
    public long interactiveSteps() {
        return steps.stream().filter(Step::interactive).count();
    }
}
