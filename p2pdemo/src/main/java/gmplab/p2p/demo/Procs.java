package gmplab.p2p.demo;

import gmplab.golang.NativePackages.GoFunc;
import gmplab.runtime.Action;

import java.util.function.Function;

/** The Java goroutines of the network: the swarm's accept loop and the echo services. */
final class Procs {
    private Procs() { }

    /** Cost of handling one network event in a Java goroutine (virtual ns). */
    static final long STEP_NS = 2_000;

    /**
     * The swarm connection's accept loop ({@code swarm.(*Conn).start.func1} in go-libp2p):
     * for each stream a remote peer opens, start a goroutine running the protocol's
     * handler; streams for protocols without a handler are reset (multistream says "na").
     */
    static final class SwarmLoop extends JavaProc {
        static final String NAME = "swarm.(*Conn).start.func1";
        private final Function<Duplex, Object> toGoStream;

        SwarmLoop(World w, Function<Duplex, Object> toGoStream) {
            super(w, NAME);
            this.toGoStream = toGoStream;
        }

        @Override
        Action step() {
            Duplex d = w.incoming.pollFirst();
            if (d == null) return park(w.swarmReady);
            GoFunc h = w.handlers.get(d.protocol);
            if (h == null) {
                w.reset(d);
                return new Action.Compute(STEP_NS, true);
            }
            return new Action.Go(h.newGoroutine(toGoStream.apply(d)), h.name());
        }
    }

    /** Echoes every byte back until EOF (a TCP echo service's connection, or a remote peer's echo handler). */
    static final class Echo extends JavaProc {
        static final String NAME = "simnet.echo";
        private final Duplex d;
        private boolean finished;

        Echo(World w, Duplex d) {
            super(w, NAME);
            this.d = d;
        }

        @Override
        Action step() {
            if (finished) return new Action.Exit();
            if (d.in.reset) {
                finished = true;
                return new Action.Exit();
            }
            if (d.in.available() > 0) {
                w.write(d, d.in.take(Integer.MAX_VALUE));
                return new Action.Compute(STEP_NS, true);
            }
            if (d.in.eof) {
                w.close(d);
                finished = true;
                return new Action.Compute(STEP_NS, true);
            }
            return park(d.in.readable);
        }
    }

    /** A TCP echo server's accept loop: one {@link Echo} goroutine per connection. */
    static final class TcpEchoServer extends JavaProc {
        static final String NAME = "simnet.echoServer";
        private final World.TcpListener l;

        TcpEchoServer(World w, World.TcpListener l) {
            super(w, NAME);
            this.l = l;
        }

        @Override
        Action step() {
            Duplex c = l.backlog.pollFirst();
            if (c != null) return new Action.Go(new Echo(w, c), Echo.NAME);
            if (l.closed) return new Action.Exit();
            return park(l.acceptable);
        }
    }
}
