package gmplab.p2p.demo;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import gmplab.trace.Event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a recorded daemon run without any network: the same program, and the
 * recorded inputs applied at the same event counts, give the same events — the run can
 * be stepped through, sought and inspected after the fact.
 */
public final class Replay {
    private Replay() { }

    /** What the replay produced: the run (if it ended), every event, and the commands' answers. */
    public record Result(RunResult run, List<Event> events, List<String> transcript, Simulation simulation) { }

    /** Replays {@code inputs} (a {@link DaemonRunner#journal()}) of a node with identity {@code selfId}. */
    public static Result run(ListenerDemo.Version version, String selfId, List<DaemonRunner.Input> inputs, SimConfig cfg) {
        Net net = new Net();
        for (DaemonRunner.Input i : inputs) if (i.event() < 0 && i.kind().equals("tcp.listen")) net.listenAnswers.add(i);
        World w = new World(selfId, net);
        Inputs in = new Inputs(w);
        List<Event> events = new ArrayList<>();
        List<String> transcript = new ArrayList<>();
        Simulation sim = DaemonRunner.newSimulation(version, w, cfg, events::add);
        boolean shutdown = false;
        for (DaemonRunner.Input i : inputs) {
            if (i.event() < 0) continue;
            sim.runUntilEvents(i.event());
            if (sim.eventCount() != i.event()) {
                throw new IllegalStateException("replay diverged: \"" + i.what() + "\" was recorded at event " + i.event()
                        + ", the replay is at event " + sim.eventCount());
            }
            List<String> a = i.args();
            switch (i.kind()) {
                case "api" -> {
                    Request r = Request.parse(a.get(0));
                    r.onDone = q -> transcript.add("> " + a.get(0) + "\n" + (q.error() != null ? "Error: " + q.error() : q.output()));
                    w.submit(r);
                }
                case "shutdown" -> {
                    shutdown = true;
                    w.closeRequests();
                }
                case "stream.in" -> in.streamIn(quiet(Inputs.fromAttrs(a, 0)));
                case "dial.ok" -> in.dialDone(net.pendings.get(Long.parseLong(a.get(0))), quiet(Inputs.fromAttrs(a, 1)), null);
                case "dial.err" -> in.dialDone(net.pendings.get(Long.parseLong(a.get(0))), null, a.get(1));
                case "tcp.accept" -> in.tcpAccept(w.tcpListeners.get(a.get(0)), quiet(Inputs.fromAttrs(a, 1)));
                case "data" -> in.data(in.known(Long.parseLong(a.get(0))), Inputs.unb64(a.get(1)));
                case "eof" -> in.eof(in.known(Long.parseLong(a.get(0))));
                case "ioerror" -> in.ioError(in.known(Long.parseLong(a.get(0))));
                default -> throw new IllegalArgumentException("unknown recorded input: " + i.what());
            }
        }
        RunResult rr = shutdown ? sim.runToEnd() : null;
        return new Result(rr, events, transcript, sim);
    }

    /** The far side of a replayed end: nothing is sent anywhere. */
    private static Duplex quiet(Duplex d) {
        d.outside = new Duplex.Outside() {
            @Override
            public void write(byte[] b) { }

            @Override
            public void closeWrite() { }

            @Override
            public void close() { }

            @Override
            public void reset() { }
        };
        return d;
    }

    /** The network during a replay: dials wait for their recorded completion, binds get their recorded answer. */
    private static final class Net implements World.Backend {
        final Map<Long, World.Pending> pendings = new HashMap<>();
        final ArrayDeque<DaemonRunner.Input> listenAnswers = new ArrayDeque<>();

        @Override
        public void newStream(World w, String peer, String proto, World.Pending op) {
            pendings.put(op.id, op);
        }

        @Override
        public void dialTcp(World w, String addr, World.Pending op) {
            pendings.put(op.id, op);
        }

        @Override
        public String listenTcp(World w, World.TcpListener l) {
            DaemonRunner.Input a = listenAnswers.poll();
            if (a == null || !a.args().get(0).equals(l.addr)) {
                throw new IllegalStateException("replay diverged: no recorded answer for listening on " + l.addr);
            }
            if (!a.args().get(2).isEmpty()) return a.args().get(2);
            l.addr = a.args().get(1);
            w.tcpListeners.put(l.addr, l);
            return null;
        }

        @Override
        public void closeTcp(World w, World.TcpListener l) {
            if (l.closed) return;
            l.closed = true;
            w.tcpListeners.remove(l.addr, l);
            w.notify(l.acceptable);
        }
    }
}
