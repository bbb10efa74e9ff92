package gmplab.p2p.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@code p2p} command for the node (as kubo's API receives it): command path, arguments
 * and options. The Go program takes it with {@code node.NextRequest()} and answers with
 * {@code req.Respond(text)} or {@code req.Fail(err)}.
 */
public final class Request {
    /** The command line this request was parsed from. */
    final String line;
    final String command;
    final List<String> args;
    final Map<String, String> options;
    String output;
    String error;
    boolean done;
    final Readiness doneReady;
    Consumer<Request> onDone;

    public Request(String command, List<String> args, Map<String, String> options) {
        this(String.join(" ", command, String.join(" ", args)).trim() + options.entrySet().stream()
                .map(e -> " --" + e.getKey() + ("true".equals(e.getValue()) ? "" : " " + e.getValue()))
                .reduce("", String::concat), command, args, options);
    }

    private Request(String line, String command, List<String> args, Map<String, String> options) {
        this.line = line;
        this.command = command;
        this.args = List.copyOf(args);
        this.options = new LinkedHashMap<>(options);
        this.doneReady = new Readiness("api response");
    }

    /** Parses a console line: {@code listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/5001 -r}. */
    public static Request parse(String line) {
        List<String> words = new ArrayList<>(List.of(line.trim().split("\\s+")));
        String cmd = words.isEmpty() ? "" : words.remove(0);
        if (cmd.equals("stream") && !words.isEmpty() && !words.get(0).startsWith("-")) cmd = "stream " + words.remove(0);
        List<String> args = new ArrayList<>();
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String name = switch (w) {
                case "-a", "--all" -> "all";
                case "-v", "--headers" -> "headers";
                case "-r", "--report-peer-id" -> "report-peer-id";
                case "--allow-custom-protocol" -> "allow-custom-protocol";
                case "-p", "--protocol" -> "protocol";
                case "-l", "--listen-address" -> "listen-address";
                case "-t", "--target-address" -> "target-address";
                default -> null;
            };
            if (name == null) {
                args.add(w);
            } else if (name.equals("protocol") || name.equals("listen-address") || name.equals("target-address")) {
                opts.put(name, i + 1 < words.size() ? words.get(++i) : "");
            } else {
                opts.put(name, "true");
            }
        }
        return new Request(line.trim(), cmd, args, opts);
    }

    public String command() {
        return command;
    }

    /** The text answer, or null before the node answered or when it failed. */
    public String output() {
        return output;
    }

    /** The error message, or null. */
    public String error() {
        return error;
    }

    public boolean done() {
        return done;
    }

    @Override
    public String toString() {
        return command + " " + String.join(" ", args) + (options.isEmpty() ? "" : " " + options);
    }
}
