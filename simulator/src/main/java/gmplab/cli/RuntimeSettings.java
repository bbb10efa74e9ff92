package gmplab.cli;

import gmplab.runtime.SimConfig;

import java.util.Map;

/**
 * Reads {@code GOMAXPROCS} and {@code GODEBUG} (schedtrace, scheddetail,
 * asyncpreemptoff) as the Go runtime does; command-line flags win.
 */
public final class RuntimeSettings {
    private RuntimeSettings() {
    }

    /**
     * @param flagProcs       --gomaxprocs, or null
     * @param flagTrace       --schedtrace, or null
     * @param flagDetail      --scheddetail given
     * @param flagAsync       FALSE if --asyncpreemptoff was given, else null
     */
    public static SimConfig fromEnvironment(Map<String, String> env, Integer flagProcs, long seed, Integer flagTrace,
                                            boolean flagDetail, Boolean flagAsync) {
        SimConfig base = SimConfig.defaults();
        int procs = base.gomaxprocs();
        String envProcs = env.get("GOMAXPROCS");
        if (envProcs != null && !envProcs.isBlank()) {
            try {
                int n = Integer.parseInt(envProcs.trim());
                if (n > 0) procs = n; // the runtime ignores values < 1
            } catch (NumberFormatException ignored) {
                // the runtime ignores a malformed GOMAXPROCS too
            }
        }
        if (flagProcs != null) procs = flagProcs;
        Map<String, String> godebug = parseGodebug(env.getOrDefault("GODEBUG", ""));
        int trace = intOr(godebug.get("schedtrace"), 0);
        boolean detail = intOr(godebug.get("scheddetail"), 0) > 0;
        boolean async = intOr(godebug.get("asyncpreemptoff"), 0) == 0;
        if (flagTrace != null) trace = flagTrace;
        if (flagDetail) detail = true;
        if (flagAsync != null) async = flagAsync;
        if (detail && trace == 0) trace = 0; // scheddetail alone prints nothing, as in Go
        return base.withGomaxprocs(procs).withSeed(seed).withSchedtrace(trace, detail).withAsyncPreempt(async);
    }

    /** {@code GODEBUG=a=1,b=2} → {a=1, b=2}. */
    public static Map<String, String> parseGodebug(String s) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String kv : s.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return m;
    }

    private static int intOr(String s, int dflt) {
        if (s == null) return dflt;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
