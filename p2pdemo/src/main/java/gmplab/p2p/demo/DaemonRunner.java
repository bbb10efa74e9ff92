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
    /** One recorded input from outside the simulation. */
    public record Input(long virtualNs, String what) { }

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

    /** Queues {@code r} to run on the simulation thread (recorded as {@code what}). */
    public void post(String what, Runnable r) {
        inbox.add(() -> {
            Input in = new Input(sim.nanotime(), what);
            journal.add(in);
            java.util.function.Consumer<Input> s = sink;
            if (s != null) s.accept(in);
            r.run();
        });
    }

    /** Sends a command to the Go program; completes when it answered. */
    public CompletableFuture<Request> submit(Request r) {
        CompletableFuture<Request> f = new CompletableFuture<>();
        r.onDone = f::complete;
        if (done.isDone()) {
            f.completeExceptionally(new IllegalStateException("the node has stopped"));
            return f;
        }
        post("api " + r, () -> world.submit(r));
        return f;
    }

    /** Starts the program: {@code world} must use a back end posting to this runner. */
    public void start(ListenerDemo.Version version, World world, SimConfig cfg) {
        this.world = world;
        GoProgram prog = ListenerDemo.compile(version, world);
        sim = new Simulation(cfg.withLimits(Long.MAX_VALUE, Long.MAX_VALUE));
        world.attach(sim);
        world.spawn(new Clock(world), Clock.NAME);
        sim.start(prog.newMain(GoRun.hostOf(sim), VmOptions.defaults()));
        thread = new Thread(this::loop, "gmplab-p2p-sim");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long t0 = System.nanoTime();
        try {
            while (!sim.finished()) {
                Runnable r;
                while ((r = inbox.poll()) != null) r.run();
                long wall = System.nanoTime() - t0;
                if (sim.nanotime() <= wall) {
                    sim.runUntilEvents(sim.eventCount() + 1);
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

    /** Asks the program to end ({@code node.NextRequest()} answers false). */
    public void stop() {
        post("shutdown", world::closeRequests);
    }

    public CompletableFuture<RunResult> done() {
        return done;
    }

    public List<Input> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /**
     * Keeps a timer pending while every goroutine waits for the network, so the
     * simulation idles in step with the wall clock instead of ending.
     */
    static final class Clock extends JavaProc {
        static final String NAME = "gmplab.wallclock";

        Clock(World w) {
            super(w, NAME);
        }

        @Override
        Action step() {
            return new Action.Sleep(10_000_000);
        }
    }
}
