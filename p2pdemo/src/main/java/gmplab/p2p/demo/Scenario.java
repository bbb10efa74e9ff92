package gmplab.p2p.demo;

import gmplab.golang.GoProgram;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.runtime.Action;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic run of the kubo {@code p2p} code on the simulated network, driven by
 * a script: commands to the node, remote peers opening streams, local applications
 * connecting to forwarded ports, bytes written and read. The script runs as a goroutine
 * of its own ({@code simnet.script}) next to the Go program.
 *
 * <pre>{@code
 * Scenario s = new Scenario(Version.FIXED).echoService("/ip4/127.0.0.1/tcp/5001");
 * s.command("listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/5001")
 *  .openStream("A", "peerB", "/x/echo/1.0.0").write("A", "hello").read("A", 5);
 * Scenario.Result r = s.run();
 * }</pre>
 */
public final class Scenario {
    public static final String SELF = "12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN";
    public static final String PEER_B = "12D3KooWHFrmLWTTDD4NodngtRMEVYgxrsDMp4F9iSwYntZ9Xz8F";
    public static final String PEER_C = "12D3KooWRBy97UB99e3J6hiPesre1MZeuNQvfan4gBziswrRJsNK";

    private final ListenerDemo.Version version;
    private final SimNetwork net = new SimNetwork();
    private final World world;
    private final List<Step> steps = new ArrayList<>();
    private SimConfig cfg = SimConfig.defaults().withGomaxprocs(2).withLimits(60_000_000_000L, 5_000_000);
    private final List<String> transcript = new ArrayList<>();
    private final Map<String, Duplex> ends = new HashMap<>();

    public Scenario(ListenerDemo.Version version) {
        this.version = version;
        this.world = new World(SELF, net);
        net.peer(PEER_B, "/x/echo/1.0.0").peer(PEER_C, "/x/echo/1.0.0");
    }

    public Scenario config(SimConfig c) {
        this.cfg = c;
        return this;
    }

    /** A local TCP echo service at {@code addr} (the target of {@code p2p listen}). */
    public Scenario echoService(String addr) {
        net.echoService(world, addr);
        return this;
    }

    // ---------------------------------------------------------------- script steps

    /** One step of the script: the next action, or null when the step is complete. */
    interface Step {
        Action poll(Proc p);
    }

    /** A step that does {@code effect} once, then spends a little CPU time. */
    private Scenario once(Runnable effect) {
        boolean[] done = {false};
        steps.add(p -> {
            if (done[0]) return null;
            done[0] = true;
            effect.run();
            return new Action.Compute(Procs.STEP_NS, true);
        });
        return this;
    }

    /** Sends a console command to the node and waits for its answer (recorded in the transcript). */
    public Scenario command(String line) {
        Request r = Request.parse(line);
        boolean[] sent = {false};
        steps.add(p -> {
            if (!sent[0]) {
                sent[0] = true;
                world.submit(r);
            }
            if (!r.done) return p.park(r.doneReady);
            transcript.add("> " + line);
            if (r.error != null) transcript.add("Error: " + r.error);
            else if (!r.output.isEmpty()) transcript.add(r.output.stripTrailing());
            return null;
        });
        return this;
    }

    /** Sends a command without waiting for the answer (to race two requests). */
    public Scenario commandAsync(String line) {
        Request r = Request.parse(line);
        r.onDone = q -> transcript.add("> " + line + (q.error != null ? "\nError: " + q.error
                : q.output.isEmpty() ? "" : "\n" + q.output.stripTrailing()));
        return once(() -> world.submit(r));
    }

    /** Remote peer {@code fromPeer} opens a stream to the node on {@code proto}, named {@code name}. */
    public Scenario openStream(String name, String fromPeer, String proto) {
        return once(() -> ends.put(name, net.openStreamToUs(world, fromPeer, proto)));
    }

    /** A local application connects to TCP {@code addr}; the connection is named {@code name}. */
    public Scenario connect(String name, String addr) {
        return once(() -> {
            Duplex d = SimNetwork.connectApp(world, addr);
            if (d == null) transcript.add(name + ": " + SimNetwork.refused(addr));
            else ends.put(name, d);
        });
    }

    public Scenario write(String name, String text) {
        return once(() -> {
            Duplex d = ends.get(name);
            if (d == null) return;
            String err = world.write(d, text.getBytes(StandardCharsets.UTF_8));
            if (err != null) transcript.add(name + ": write: " + err);
        });
    }

    /** Waits until {@code n} bytes arrived on {@code name} (or EOF/reset) and records them. */
    public Scenario read(String name, int n) {
        steps.add(p -> {
            Duplex d = ends.get(name);
            if (d == null) return null;
            if (d.in.available() < n && !d.in.eof && !d.in.reset) return p.park(d.in.readable);
            String got = d.in.drainText();
            String state = d.in.reset ? " (reset)" : d.in.eof && got.length() < n ? " (EOF)" : "";
            transcript.add(name + ": read \"" + got.replace("\n", "\\n") + "\"" + state);
            return null;
        });
        return this;
    }

    /** Waits until the other side ended {@code name} (EOF or reset) and records how. */
    public Scenario awaitEnd(String name) {
        steps.add(p -> {
            Duplex d = ends.get(name);
            if (d == null) return null;
            if (!d.in.eof && !d.in.reset) return p.park(d.in.readable);
            String rest = d.in.drainText();
            transcript.add(name + ": " + (d.in.reset ? "reset" : "EOF") + (rest.isEmpty() ? "" : " after \"" + rest + "\""));
            return null;
        });
        return this;
    }

    public Scenario closeWrite(String name) {
        return once(() -> {
            Duplex d = ends.get(name);
            if (d != null) world.close(d);
        });
    }

    /** Lets virtual time pass ({@code time.Sleep} of the script goroutine). */
    public Scenario sleep(long ns) {
        boolean[] slept = {false};
        steps.add(p -> {
            if (slept[0]) return null;
            slept[0] = true;
            return new Action.Sleep(ns);
        });
        return this;
    }

    /** The script goroutine. */
    final class Proc extends JavaProc {
        private int i;

        Proc() {
            super(Scenario.this.world, "simnet.script");
        }

        @Override
        Action step() {
            while (i < steps.size()) {
                Action a = steps.get(i).poll(this);
                if (a != null) return a;
                i++;
            }
            if (!world.requestsClosed) world.closeRequests();
            return new Action.Exit();
        }

    }

    // ---------------------------------------------------------------- running

    /** What a run produced. */
    public record Result(RunResult run, List<String> transcript, List<Event> events, Snapshot end) {
        /** The transcript as text, one line per entry. */
        public String text() {
            return String.join("\n", transcript) + "\n";
        }

        /** User goroutines still parked at the end, as "name [waitreason]" (the network's own excluded). */
        public List<String> parkedGoroutines() {
            List<String> out = new ArrayList<>();
            for (Snapshot.GView g : end.gs()) {
                if (g.system() || g.status() != gmplab.runtime.GStatus.WAITING) continue;
                if (g.name().startsWith("simnet.") || g.name().equals(Procs.SwarmLoop.NAME)) continue;
                out.add(g.name() + " [" + g.waitreason() + "]");
            }
            return out;
        }
    }

    /** Compiles the version, runs it with the script to the end, and collects what happened. */
    public Result run() {
        GoProgram prog = ListenerDemo.compile(version, world);
        Simulation sim = new Simulation(cfg);
        List<Event> events = new ArrayList<>();
        sim.addListener(events::add);
        world.attach(sim);
        world.spawn(new Proc(), "simnet.script");
        RunResult rr = sim.run(prog.newMain(GoRun.hostOf(sim), VmOptions.defaults()));
        return new Result(rr, List.copyOf(transcript), events, sim.snapshot());
    }
}
