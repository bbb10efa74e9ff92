package gmplab.p2p.demo;

import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interactive session with the kubo {@code p2p} code on the simulated network: the
 * node (peer id {@link Scenario#SELF}), two remote peers answering {@code /x/echo/1.0.0},
 * and a local TCP echo service at {@link #ECHO_TARGET}. The user's actions are applied one
 * by one, each when the program has gone idle (every goroutine waiting for the network),
 * so recording the same actions again — or with the other version of the code — replays
 * the session exactly. Immutable: {@link #with} returns a longer session.
 */
public final class SimSession {
    public static final String ECHO = "/x/echo/1.0.0";
    public static final String ECHO_TARGET = "/ip4/127.0.0.1/tcp/5001";
    public static final List<String> PEERS = List.of(Scenario.PEER_B, Scenario.PEER_C);

    private final ListenerDemo.Version version;
    private final SimConfig cfg;
    private final List<P2pAction> actions;

    public SimSession(ListenerDemo.Version version) {
        this(version, SimConfig.defaults().withGomaxprocs(2).withLimits(600_000_000_000L, 2_000_000), List.of());
    }

    private SimSession(ListenerDemo.Version version, SimConfig cfg, List<P2pAction> actions) {
        this.version = version;
        this.cfg = cfg;
        this.actions = List.copyOf(actions);
    }

    public ListenerDemo.Version version() {
        return version;
    }

    public List<P2pAction> actions() {
        return actions;
    }

    /** This session followed by {@code a}. */
    public SimSession with(P2pAction a) {
        List<P2pAction> l = new ArrayList<>(actions);
        l.add(a);
        return new SimSession(version, cfg, l);
    }

    /** The same actions on the other version of the code. */
    public SimSession withVersion(ListenerDemo.Version v) {
        return new SimSession(v, cfg, actions);
    }

    public SimSession withConfig(SimConfig c) {
        return new SimSession(version, c, actions);
    }

    /** Runs the program, applies every action when it is idle, and records the whole run. */
    public P2pRun record() {
        return record(true);
    }

    /** {@link #record()}, optionally without reading the registries after every event (a benchmark's baseline). */
    P2pRun record(boolean readRegistries) {
        SimNetwork net = new SimNetwork();
        for (String p : PEERS) net.peer(p, ECHO);
        World world = new World(Scenario.SELF, net);
        net.echoService(world, ECHO_TARGET);
        RunRecorder rec = new RunRecorder(version, world, cfg, readRegistries);
        Outside outside = new Outside(world, rec);
        return rec.record(sim -> {
            sim.start(rec.main());
            settle(sim, outside);
            for (P2pAction a : actions) {
                if (sim.finished()) break;
                rec.actionStarts(a);
                outside.apply(a, net);
                settle(sim, outside);
            }
        });
    }

    private static void settle(Simulation sim, Outside outside) {
        sim.runUntilIdle();
        outside.collect();
    }

    /**
     * The world outside the node: the remote peers' ends of the streams they opened
     * ({@code s1}, {@code s2}, …) and the local applications' connections ({@code c1}, …).
     * What arrives on them is written to the transcript.
     */
    private static final class Outside {
        private final World world;
        private final RunRecorder rec;
        private final Map<String, Duplex> ends = new LinkedHashMap<>();
        private final Map<String, Boolean> ended = new LinkedHashMap<>();
        private int streams;
        private int conns;

        Outside(World world, RunRecorder rec) {
            this.world = world;
            this.rec = rec;
        }

        void apply(P2pAction a, SimNetwork net) {
            if (a instanceof P2pAction.Command c) command(c.line());
            else if (a instanceof P2pAction.OpenStream o) openStream(net, o);
            else if (a instanceof P2pAction.Connect c) connect(c);
            else if (a instanceof P2pAction.CloseWrite w) closeWrite(w.name());
        }

        private void command(String line) {
            Request r = Request.parse(line);
            r.onDone = q -> {
                String text = RunRecorder.answer(q);
                if (!text.isEmpty()) rec.line(text);
            };
            world.submit(r);
        }

        private void openStream(SimNetwork net, P2pAction.OpenStream o) {
            String name = "s" + ++streams;
            Duplex d = net.openStreamToUs(world, o.peer(), o.protocol());
            ends.put(name, d);
            rec.note("opened", name, P2pAction.shortId(o.peer()));
            send(name, d, o.text());
        }

        private void connect(P2pAction.Connect c) {
            String name = "c" + ++conns;
            Duplex d = SimNetwork.connectApp(world, c.addr());
            if (d == null) {
                rec.note("failed", name, SimNetwork.refused(c.addr()));
                return;
            }
            ends.put(name, d);
            rec.note("connected", name, c.addr());
            send(name, d, c.text());
        }

        private void closeWrite(String name) {
            Duplex d = ends.get(name);
            if (d == null) rec.note("noSuch", name);
            else world.closeWrite(d);
        }

        private void send(String name, Duplex d, String text) {
            if (text.isEmpty()) return;
            String err = world.write(d, text.getBytes(StandardCharsets.UTF_8));
            if (err != null) rec.note("failed", name, "write: " + err);
            else rec.note("sent", name, escape(text));
        }

        /** Writes what arrived on each outside end since the last look. */
        void collect() {
            for (Map.Entry<String, Duplex> e : ends.entrySet()) {
                Pipe in = e.getValue().in;
                String got = in.drainText();
                if (!got.isEmpty()) rec.note("received", e.getKey(), escape(got));
                if ((in.eof || in.reset) && ended.putIfAbsent(e.getKey(), true) == null) {
                    rec.note(in.reset ? "reset" : "eof", e.getKey());
                }
            }
        }

        private static String escape(String s) {
            return s.replace("\n", "\\n");
        }
    }
}
