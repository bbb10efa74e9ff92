package gmplab.p2p.demo;

import gmplab.golang.GoProgram;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.runtime.Action;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the kubo {@code p2p} Go program on the simulated runtime in real time, on a thread
 * of its own, with the real back end: virtual time follows the wall clock, and whatever
 * the network threads observe is {@link #post posted} here, applied on the simulation
 * thread and recorded (virtual time, what happened) in {@link #journal()}, so the
 * network's inputs to a run are known event by event.
 */
public final class DaemonRunner {
    /**
     * One recorded input from outside the simulation: applied when the run had emitted
     * {@code event} events, at virtual time {@code virtualNs} ({@code event = -1}: the
     * answer to a synchronous call, such as the port a TCP listener got).
     */
    public record Input(long event, long virtualNs, String kind, List<String> args) {
        public Input {
            args = List.copyOf(args);
        }

        /** A one-line description: kind and arguments. */
        public String what() {
            return kind + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }

        /** The journal line: tab-separated, with tabs, newlines and backslashes escaped. */
        public String line() {
            StringBuilder sb = new StringBuilder().append(event).append('\t').append(virtualNs).append('\t').append(kind);
            for (String a : args) sb.append('\t').append(a.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
            return sb.toString();
        }

        /** Parses {@link #line()}. */
        public static Input parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) throw new IllegalArgumentException("expected event count, virtual time and kind, tab-separated");
            List<String> args = new ArrayList<>();
            for (int i = 3; i < f.length; i++) args.add(unescape(f[i]));
            try {
                return new Input(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], args);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("event count and virtual time must be integers");
            }
        }

        private static String unescape(String s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char n = s.charAt(++i);
                    sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }

    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final List<Input> journal = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private World world;
    private Simulation sim;
    private Thread thread;
    private volatile RunResult result;
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();

    /** A fresh id for streams and connections made outside the simulation thread. */
    long nextId() {
        return ids.getAndIncrement();
    }

    private volatile java.util.function.Consumer<Input> sink;

    /** Also hands every recorded input to {@code sink} as it is applied (e.g. a journal file). */
    public void recordTo(java.util.function.Consumer<Input> sink) {
        this.sink = sink;
    }

    /** Queues {@code r} to run on the simulation thread, recorded as input {@code kind args}. */
    public void post(String kind, List<String> args, Runnable r) {
        inbox.add(() -> {
            catchUpWithTheWallClock();
            record(new Input(sim.eventCount(), sim.nanotime(), kind, args));
            r.run();
        });
    }

    /**
     * An idle program's clock stands still (nothing is scheduled); when input arrives, the
     * time that passed meanwhile passes for it too — recorded as an {@code advance} input,
     * so a replay's clock moves at the same points.
     */
    private void catchUpWithTheWallClock() {
        if (!sim.idle()) return;
        long to = Math.max(sim.nanotime(), System.nanoTime() - t0);
        record(new Input(sim.eventCount(), to, ADVANCE, List.of()));
        sim.advanceTo(to);
    }

    /** The journal's kind for virtual time passing while the program was idle. */
    static final String ADVANCE = "advance";
    private long t0;

    /** Records the outside world's answer to a synchronous call made on the simulation thread. */
    void recordAnswer(String kind, List<String> args) {
        record(new Input(-1, sim.nanotime(), kind, args));
    }

    private void record(Input in) {
        journal.add(in);
        java.util.function.Consumer<Input> s = sink;
        if (s != null) s.accept(in);
    }

    /** Sends a command to the Go program; completes when it answered. */
    public CompletableFuture<Request> submit(Request r) {
        CompletableFuture<Request> f = new CompletableFuture<>();
        r.onDone = f::complete;
        if (done.isDone()) {
            f.completeExceptionally(new IllegalStateException("the node has stopped"));
            return f;
        }
        post("api", List.of(r.line), () -> world.submit(r));
        return f;
    }

    /** Starts the program: {@code world} must use a back end posting to this runner. */
    public void start(ListenerDemo.Version version, World world, SimConfig cfg) {
        start(version, world, cfg, null);
    }

    /** Like {@link #start(ListenerDemo.Version, World, SimConfig)}, with {@code listener} receiving every event. */
    public void start(ListenerDemo.Version version, World world, SimConfig cfg, gmplab.trace.EventListener listener) {
        this.world = world;
        this.sim = newSimulation(version, world, cfg, listener);
        t0 = System.nanoTime();
        thread = new Thread(this::loop, "gmplab-p2p-sim");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The simulation of a daemon run, started: the same for a live run and its replay,
     * so that the same inputs at the same event counts give the same events.
     */
    static Simulation newSimulation(ListenerDemo.Version version, World world, SimConfig cfg,
                                    gmplab.trace.EventListener listener) {
        GoProgram prog = ListenerDemo.compile(version, world);
        Simulation sim = new Simulation(daemonConfig(cfg));
        if (listener != null) sim.addListener(listener);
        world.attach(sim);
        sim.start(prog.newMain(GoRun.hostOf(sim), VmOptions.defaults()));
        return sim;
    }

    /** A daemon runs until it is shut down: no time or event limit. */
    static SimConfig daemonConfig(SimConfig cfg) {
        return cfg.withLimits(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private void loop() {
        try {
            while (!sim.finished()) {
                Runnable r;
                while ((r = inbox.poll()) != null) r.run();
                events = sim.eventCount();
                if (sim.idle()) { // every goroutine waits for the network: so does this thread
                    r = inbox.poll(50, TimeUnit.MILLISECONDS);
                    if (r != null) r.run();
                    continue;
                }
                long wall = System.nanoTime() - t0;
                if (sim.nanotime() <= wall) {
                    sim.runUntilIdle(sim.eventCount() + 1);
                    events = sim.eventCount();
                } else {
                    r = inbox.poll(Math.min(50_000_000, sim.nanotime() - wall), TimeUnit.NANOSECONDS);
                    if (r != null) r.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        result = sim.result();
        done.complete(result);
    }

    private volatile long events;

    /** Events the live run has emitted so far (read from any thread). */
    public long eventCount() {
        return events;
    }

    /** Asks the program to end ({@code node.NextRequest()} answers false). */
    public void stop() {
        post("shutdown", List.of(), world::closeRequests);
    }

    public CompletableFuture<RunResult> done() {
        return done;
    }

    public List<Input> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }
}
