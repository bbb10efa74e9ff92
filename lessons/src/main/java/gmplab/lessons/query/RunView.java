package gmplab.lessons.query;

import gmplab.runtime.RunResult;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;

import java.util.List;

/** What a query reads: one recorded run (see {@link gmplab.runtime.Recording}) and the lesson's text files. */
public interface RunView {
    List<Event> events();

    RunResult result();

    /** The state right after event {@code index}. */
    Snapshot snapshotAt(int index);

    /** A text file of the lesson (e.g. a real {@code schedtrace} log), or null if there is none by that name. */
    default String file(String name) {
        return null;
    }
}
