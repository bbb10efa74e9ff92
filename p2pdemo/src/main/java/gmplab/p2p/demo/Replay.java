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
        Player p = new Player(selfId, inputs);
        List<Event> events = new ArrayList<>();
        List<String> transcript = new ArrayList<>();
        Simulation sim = DaemonRunner.newSimulation(version, p.world, cfg, events::add);
        boolean shutdown = false;
        for (DaemonRunner.Input i : inputs) {
            if (i.event() < 0) continue;
            p.runTo(sim, i);
            shutdown |= p.apply(sim, i, (cmd, answer) -> transcript.add("> " + cmd + "\n" + answer));
        }
        RunResult rr = shutdown ? sim.runToEnd() : null;
        return new Result(rr, events, transcript, sim);
    }

    /**
     * Records the replay of a live daemon's journal up to {@code uptoEvents} events (the
     * live run's count when the journal was taken; negative: until the program idles after
     * the last input), with the program's registries and the commands' answers in the
     * transcript.
     */
    static P2pRun record(ListenerDemo.Version version, String selfId, List<DaemonRunner.Input> inputs, SimConfig cfg,
                         long uptoEvents) {
        Player p = new Player(selfId, inputs);
        RunRecorder rec = new RunRecorder(version, p.world, DaemonRunner.daemonConfig(cfg));
        return rec.record(sim -> {
            sim.start(rec.main());
            for (DaemonRunner.Input i : inputs) {
                if (i.event() < 0) continue;
                p.runTo(sim, i);
                if (i.kind().equals("api")) rec.actionStarts(new P2pAction.Command(i.args().get(0)));
                if (p.apply(sim, i, (cmd, answer) -> {
                    if (!answer.isEmpty()) rec.line(answer);
                })) {
                    sim.runToEnd();
                }
            }
            if (sim.finished()) return;
            if (uptoEvents >= 0) sim.runUntilEvents(uptoEvents);
            else sim.runUntilIdle();
        });
    }

    /** Applies recorded inputs to a world whose network is the journal. */
    private static final class Player {
        final Net net = new Net();
        final World world;
        final Inputs in;

        Player(String selfId, List<DaemonRunner.Input> inputs) {
            for (DaemonRunner.Input i : inputs) if (i.event() < 0 && i.kind().equals("tcp.listen")) net.listenAnswers.add(i);
            world = new World(selfId, net);
            in = new Inputs(world);
        }

        /** Runs {@code sim} to the event count at which {@code i} was recorded. */
        void runTo(Simulation sim, DaemonRunner.Input i) {
            sim.runUntilEvents(i.event());
            if (sim.eventCount() != i.event()) throw diverged(i, sim);
        }

        private static IllegalStateException diverged(DaemonRunner.Input i, Simulation sim) {
            return new IllegalStateException("replay diverged: \"" + i.what() + "\" was recorded at event " + i.event()
                    + ", the replay is at event " + sim.eventCount());
        }

        /** Applies {@code i}; each command's answer goes to {@code answers} (command, text). Returns true for the shutdown. */
        boolean apply(Simulation sim, DaemonRunner.Input i, java.util.function.BiConsumer<String, String> answers) {
            List<String> a = i.args();
            switch (i.kind()) {
                case DaemonRunner.ADVANCE -> {
                    // the live run was idle here: reach the same idle point, then let the time pass
                    sim.runUntilIdle();
                    if (sim.eventCount() != i.event()) throw diverged(i, sim);
                    sim.advanceTo(i.virtualNs());
                }
                case "api" -> {
                    Request r = Request.parse(a.get(0));
                    r.onDone = q -> answers.accept(a.get(0), RunRecorder.answer(q));
                    world.submit(r);
                }
                case "shutdown" -> {
                    world.closeRequests();
                    return true;
                }
                case "stream.in" -> in.streamIn(quiet(Inputs.fromAttrs(a, 0)));
                case "dial.ok" -> in.dialDone(net.pendings.get(Long.parseLong(a.get(0))), quiet(Inputs.fromAttrs(a, 1)), null);
                case "dial.err" -> in.dialDone(net.pendings.get(Long.parseLong(a.get(0))), null, a.get(1));
                case "tcp.accept" -> in.tcpAccept(world.tcpListeners.get(a.get(0)), quiet(Inputs.fromAttrs(a, 1)));
                case "data" -> in.data(in.known(Long.parseLong(a.get(0))), Inputs.unb64(a.get(1)));
                case "eof" -> in.eof(in.known(Long.parseLong(a.get(0))));
                case "ioerror" -> in.ioError(in.known(Long.parseLong(a.get(0))));
                default -> throw new IllegalArgumentException("unknown recorded input: " + i.what());
            }
            return false;
        }
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
