package gmplab.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a run as Chrome Trace Event JSON (which Perfetto and chrome://tracing
 * open): process 1 has a track per P, process 2 a track per M; a slice per
 * stretch of a G running (and per system call on the M); instant events for
 * steals, handoffs, retakes and preemptions.
 */
public final class ChromeTrace {
    private static final int PID_P = 1;
    private static final int PID_M = 2;
    private static final Set<EventKind> STOPS = Set.of(EventKind.PARK, EventKind.GOSCHED, EventKind.PREEMPTED,
            EventKind.GOEXIT, EventKind.ENTERSYSCALL, EventKind.EXIT, EventKind.PANIC, EventKind.FATAL);
    private static final Set<EventKind> INSTANTS = Set.of(EventKind.STEAL, EventKind.HANDOFFP, EventKind.RETAKE,
            EventKind.PREEMPT_REQUEST, EventKind.RUNQPUTSLOW, EventKind.GLOBRUNQGET, EventKind.NEWM,
            EventKind.STARTM, EventKind.STOPM, EventKind.INJECTGLIST);

    private ChromeTrace() {
    }

    /** Writes the trace of {@code events} to {@code file}. */
    public static void write(List<Event> events, int gomaxprocs, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            write(events, gomaxprocs, os);
        }
    }

    /** Writes the trace of {@code events} as JSON to {@code os} (not closed). */
    public static void write(List<Event> events, int gomaxprocs, OutputStream os) throws IOException {
        JsonGenerator j = new JsonFactory().createGenerator(os, JsonEncoding.UTF8);
        j.writeStartObject();
        j.writeStringField("displayTimeUnit", "ns");
        j.writeArrayFieldStart("traceEvents");
        meta(j, PID_P, -1, "process_name", "Ps");
        meta(j, PID_M, -1, "process_name", "Ms (threads)");
        for (int p = 0; p < gomaxprocs; p++) meta(j, PID_P, p, "thread_name", "P" + p);
        Map<Integer, long[]> runningOnP = new HashMap<>(); // p -> {goid, start}
        Map<Integer, long[]> runningOnM = new HashMap<>();
        Map<Integer, long[]> syscallOnM = new HashMap<>();
        java.util.Set<Integer> namedM = new java.util.HashSet<>();
        long end = events.isEmpty() ? 0 : events.get(events.size() - 1).time();
        for (Event e : events) {
            if (e.m() >= 0 && namedM.add(e.m())) meta(j, PID_M, e.m(), "thread_name", "M" + e.m());
            EventKind k = e.kind();
            if (k == EventKind.EXECUTE || k == EventKind.EXITSYSCALL_FAST) {
                if (k == EventKind.EXITSYSCALL_FAST) closeSlice(j, syscallOnM, PID_M, e.m(), e.time(), "syscall");
                closeSlice(j, runningOnP, PID_P, e.p(), e.time(), null);
                closeSlice(j, runningOnM, PID_M, e.m(), e.time(), null);
                runningOnP.put(e.p(), new long[] {e.g(), e.time()});
                runningOnM.put(e.m(), new long[] {e.g(), e.time()});
            } else if (STOPS.contains(k)) {
                if (e.p() >= 0) closeSlice(j, runningOnP, PID_P, e.p(), e.time(), null);
                if (e.m() >= 0) closeSlice(j, runningOnM, PID_M, e.m(), e.time(), null);
                if (k == EventKind.ENTERSYSCALL) syscallOnM.put(e.m(), new long[] {e.g(), e.time()});
            } else if (k == EventKind.EXITSYSCALL_SLOW) {
                closeSlice(j, syscallOnM, PID_M, e.m(), e.time(), "syscall");
            }
            if (INSTANTS.contains(k)) {
                j.writeStartObject();
                j.writeStringField("name", e.key());
                j.writeStringField("ph", "i");
                j.writeStringField("s", "t");
                j.writeNumberField("ts", e.time() / 1000.0);
                j.writeNumberField("pid", e.p() >= 0 ? PID_P : PID_M);
                j.writeNumberField("tid", e.p() >= 0 ? e.p() : Math.max(e.m(), 0));
                j.writeObjectFieldStart("args");
                j.writeNumberField("seq", e.seq());
                if (e.g() >= 0) j.writeNumberField("g", e.g());
                j.writeEndObject();
                j.writeEndObject();
            }
        }
        for (int p : List.copyOf(runningOnP.keySet())) closeSlice(j, runningOnP, PID_P, p, end, null);
        for (int m : List.copyOf(runningOnM.keySet())) closeSlice(j, runningOnM, PID_M, m, end, null);
        j.writeEndArray();
        j.writeEndObject();
        j.flush();
    }

    private static void closeSlice(JsonGenerator j, Map<Integer, long[]> open, int pid, int tid, long t, String name)
            throws IOException {
        long[] s = open.remove(tid);
        if (s == null) return;
        j.writeStartObject();
        j.writeStringField("name", name != null ? name + " G" + s[0] : "G" + s[0]);
        j.writeStringField("cat", name != null ? name : "running");
        j.writeStringField("ph", "X");
        j.writeNumberField("ts", s[1] / 1000.0);
        j.writeNumberField("dur", (t - s[1]) / 1000.0);
        j.writeNumberField("pid", pid);
        j.writeNumberField("tid", tid);
        j.writeObjectFieldStart("args");
        j.writeNumberField("g", s[0]);
        j.writeEndObject();
        j.writeEndObject();
    }

    private static void meta(JsonGenerator j, int pid, int tid, String what, String name) throws IOException {
        j.writeStartObject();
        j.writeStringField("name", what);
        j.writeStringField("ph", "M");
        j.writeNumberField("pid", pid);
        if (tid >= 0) j.writeNumberField("tid", tid);
        j.writeObjectFieldStart("args");
        j.writeStringField("name", name);
        j.writeEndObject();
        j.writeEndObject();
    }
}
