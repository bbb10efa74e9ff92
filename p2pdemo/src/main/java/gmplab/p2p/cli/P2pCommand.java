package gmplab.p2p.cli;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.PeerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2p}: the libp2p host on the command line. The top-level
 * {@code ./gmplab} launcher registers this as a subcommand; {@link #main}
 * runs it on its own.
 */
@Command(name = "p2p", mixinStandardHelpOptions = true,
        description = "A libp2p host (TCP, Noise, yamux) that interoperates with js-libp2p.",
        subcommands = {P2pCommand.Id.class, P2pCommand.EchoServer.class, P2pCommand.EchoClient.class,
            P2pCommand.PingCommand.class, BenchCommand.class,
            P2pDaemonCommand.class, P2pReplayCommand.class, P2pClientCommands.Listen.class, P2pClientCommands.Forward.class,
            P2pClientCommands.Ls.class, P2pClientCommands.Close.class, P2pClientCommands.StreamCmd.class})
public class P2pCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public P2pCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new P2pCommand()).execute(args));
    }

    /** Options every subcommand shares. */
    static final class HostOptions {
        @Option(names = "--identity", paramLabel = "FILE",
                description = "Ed25519 identity file (libp2p PrivateKey protobuf); created if missing. "
                        + "Without it a fresh identity is generated.")
        Path identityFile;

        @Option(names = "--no-early-muxer",
                description = "Do not negotiate yamux inside the Noise handshake (use multistream-select after it).")
        boolean noEarlyMuxer;

        Host newHost() throws IOException {
            Identity id = identityFile == null ? Identity.generate() : Identity.loadOrCreate(identityFile);
            return new Host(HostConfig.defaults(id).withEarlyMuxer(!noEarlyMuxer));
        }
    }

    /** Base of the subcommands: turns I/O and protocol errors into a one-line message and exit code 1. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        abstract int run0() throws Exception;

        @Override
        public Integer call() throws Exception {
            try {
                return run0();
            } catch (IOException e) {
                spec.commandLine().getErr().println("p2p " + spec.name() + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
    }

    @Command(name = "id", description = "Print this host's peer id and listen addresses.")
    static final class Id extends Sub {
        @Mixin
        HostOptions options = new HostOptions();
        @Option(names = "--listen", paramLabel = "ADDR", defaultValue = "/ip4/127.0.0.1/tcp/0",
                description = "Multiaddr to listen on (default: ${DEFAULT-VALUE}).")
        String listen;

        @Override
        int run0() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Host h = options.newHost()) {
                h.listen(Multiaddr.parse(listen));
                PeerId id = h.peerId();
                out.println("peer id: " + id);
                out.println("peer id (CID): " + id.toCid());
                out.println("public key: " + gmplab.p2p.libp2p.multiformats.Hex.encode(
                        h.config().identity().publicKey().toProtobuf()));
                for (Multiaddr m : h.fullListenAddresses()) {
                    out.println(m);
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "echo-server", description = "Serve " + Echo.PROTOCOL_ID + " until interrupted; prints each listen multiaddr.")
    static final class EchoServer extends Sub {
        @Mixin
        HostOptions options = new HostOptions();
        @Option(names = "--listen", paramLabel = "ADDR", defaultValue = "/ip4/127.0.0.1/tcp/0",
                description = "Multiaddr to listen on (default: ${DEFAULT-VALUE}).")
        String listen;

        @Override
        int run0() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Host h = options.newHost();
            try {
                h.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
                h.listen(Multiaddr.parse(listen));
                for (Multiaddr m : h.fullListenAddresses()) {
                    out.println(m);
                }
                out.flush();
                Thread main = Thread.currentThread();
                Thread hook = new Thread(main::interrupt);
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    // stop serving
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // already shutting down
                    }
                }
            } finally {
                h.close();
            }
            return 0;
        }
    }

    @Command(name = "echo", description = "Send MESSAGE on " + Echo.PROTOCOL_ID + " to ADDR and print the reply.")
    static final class EchoClient extends Sub {
        @Mixin
        HostOptions options = new HostOptions();
        @Parameters(index = "0", paramLabel = "ADDR", description = "Full multiaddr, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…")
        String addr;
        @Parameters(index = "1", paramLabel = "MESSAGE")
        String message;

        @Override
        int run0() throws Exception {
            try (Host h = options.newHost()) {
                Stream s = h.newStream(Multiaddr.parse(addr), Echo.PROTOCOL_ID);
                s.setReadTimeout(Duration.ofSeconds(10));
                byte[] reply = Echo.call(s, message.getBytes(StandardCharsets.UTF_8));
                spec.commandLine().getOut().println(new String(reply, StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "ping", description = "Ping ADDR with /ipfs/ping/1.0.0 and print the round-trip times.")
    static final class PingCommand extends Sub {
        @Mixin
        HostOptions options = new HostOptions();
        @Parameters(index = "0", paramLabel = "ADDR")
        String addr;
        @Option(names = {"-c", "--count"}, defaultValue = "3", description = "Number of pings (default: ${DEFAULT-VALUE}).")
        int count;

        @Override
        int run0() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Host h = options.newHost()) {
                var c = h.connect(Multiaddr.parse(addr));
                out.println("connected to " + c.remotePeer() + " (muxer negotiated " + c.muxerNegotiation() + ")");
                for (int i = 0; i < count; i++) {
                    Duration rtt = h.ping(c);
                    out.printf("ping %d: rtt=%.3f ms%n", i + 1, rtt.toNanos() / 1e6);
                }
                out.flush();
                return 0;
            }
        }
    }
}
