package gmplab.runtime;

import java.io.PrintStream;

/** Where the simulated program's stdout and stderr go: kept in memory, optionally echoed. */
final class ProgramOutput {
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final PrintStream echoOut;
    private final PrintStream echoErr;
    private final int maxKept;

    ProgramOutput(PrintStream echoOut, PrintStream echoErr, int maxKept) {
        this.echoOut = echoOut;
        this.echoErr = echoErr;
        this.maxKept = maxKept;
    }

    void stdout(String s) {
        if (stdout.length() < maxKept) stdout.append(s);
        if (echoOut != null) {
            echoOut.print(s);
            echoOut.flush();
        }
    }

    void stderr(String s) {
        if (stderr.length() < maxKept) stderr.append(s);
        if (echoErr != null) {
            echoErr.print(s);
            echoErr.flush();
        }
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }
}
