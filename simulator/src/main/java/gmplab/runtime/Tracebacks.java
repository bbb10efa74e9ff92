package gmplab.runtime;

/**
 * Goroutine dumps as the runtime prints them after {@code fatal error:} or
 * {@code panic:} ({@code goroutine N [status]:} followed by where it is).
 */
final class Tracebacks {
    private Tracebacks() {
    }

    /**
     * Appends the dump: the panicking G alone for a panic (GOTRACEBACK=single);
     * every user goroutine for a fatal error.
     */
    static void appendAll(StringBuilder sb, Sched s, G panicking) {
        if (panicking != null) {
            appendOne(sb, panicking, "running");
            return;
        }
        boolean first = true;
        for (G gp : s.allgs) {
            if (gp.system || gp.status == GStatus.DEAD || gp.status == GStatus.IDLE) continue;
            if (!first) sb.append('\n');
            first = false;
            appendOne(sb, gp, statusText(gp));
        }
    }

    private static void appendOne(StringBuilder sb, G gp, String status) {
        sb.append("goroutine ").append(gp.goid).append(" [").append(status).append("]:\n");
        String pos = gp.body == null ? "" : gp.body.position();
        if (pos.isEmpty()) pos = gp.goid == 1 ? "main.main()" : gp.name.isEmpty() ? "main.func()" : gp.name + "()";
        sb.append(pos);
        if (!pos.endsWith("\n")) sb.append('\n');
    }

    static String statusText(G gp) {
        return switch (gp.status) {
            case WAITING -> gp.waitreason.text;
            case RUNNABLE -> "runnable";
            case RUNNING -> "running";
            case SYSCALL -> "syscall";
            default -> "dead";
        };
    }
}
