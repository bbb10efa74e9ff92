package gmplab.p2p.demo;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A daemon's journal file ({@code p2p daemon --record FILE}): a header naming the code's
 * version, the node's peer id, its GOMAXPROCS and its repo (where its control endpoint's
 * address is, so a watcher sends commands to that daemon), then one recorded input per line
 * ({@link DaemonRunner.Input#line()}). The daemon appends and flushes line by line, so the
 * file can be read while the daemon runs.
 */
public record Journal(ListenerDemo.Version version, String selfId, int gomaxprocs, Path repo, List<DaemonRunner.Input> inputs) {
    private static final String MAGIC = "# gmplab p2p journal ";

    public Journal {
        inputs = List.copyOf(inputs);
    }

    /**
     * The header line: {@code # gmplab p2p journal fixed <peer-id> gomaxprocs=4 repo=<path>}
     * (the path URL-encoded, so it is one word).
     */
    public static String header(ListenerDemo.Version version, String selfId, int gomaxprocs, Path repo) {
        return MAGIC + (version == ListenerDemo.Version.BLOG_ERA ? "blogera" : "fixed") + " " + selfId + " gomaxprocs=" + gomaxprocs
                + " repo=" + URLEncoder.encode(repo.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a journal; a malformed file gets {@code file:line: what is wrong}. A last line
     * without its newline is being written: it is left for the next read.
     */
    public static Journal read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline: empty, or a line still being written
        if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC)) {
            throw new IOException(file + ":1: not a journal written by p2p daemon --record");
        }
        String[] h = lines.get(0).substring(MAGIC.length()).split(" ");
        if (h.length < 2 || !(h[0].equals("fixed") || h[0].equals("blogera"))) {
            throw new IOException(file + ":1: the header must name the version (fixed or blogera) and the peer id");
        }
        int procs = 4; // journals from before the header named it were recorded by daemons with the default
        Path repo = null; // ... and did not name their repo
        for (int k = 2; k < h.length; k++) {
            if (h[k].startsWith("gomaxprocs=")) procs = parseProcs(file, h[k].substring("gomaxprocs=".length()));
            if (h[k].startsWith("repo=")) repo = Path.of(URLDecoder.decode(h[k].substring("repo=".length()), StandardCharsets.UTF_8));
        }
        List<DaemonRunner.Input> inputs = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String l = lines.get(n);
            if (l.isBlank()) continue;
            try {
                inputs.add(DaemonRunner.Input.parse(l));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + (n + 1) + ": not a recorded input: " + e.getMessage());
            }
        }
        return new Journal(h[0].equals("blogera") ? ListenerDemo.Version.BLOG_ERA : ListenerDemo.Version.FIXED, h[1], procs, repo, inputs);
    }

    private static int parseProcs(Path file, String s) throws IOException {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException(file + ":1: bad gomaxprocs " + s);
    }
}
