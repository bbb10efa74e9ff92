package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.yamux.YamuxConfig;
import java.time.Duration;

/**
 * How a {@link Host} behaves.
 *
 * @param identity the host's Ed25519 identity
 * @param earlyMuxer advertise yamux inside the Noise handshake (checklist option A); false = always negotiate the muxer
 *     with multistream-select after Noise
 * @param handshakeTimeout bound on the whole connection upgrade (slow peers are dropped)
 * @param negotiationTimeout bound on per-stream protocol negotiation
 * @param dialTimeout bound on TCP connect plus upgrade when dialing
 * @param yamux muxer limits
 * @param agentVersion reported by identify
 * @param ioThreads Netty worker threads
 */
public record HostConfig(Identity identity, boolean earlyMuxer, Duration handshakeTimeout, Duration negotiationTimeout,
        Duration dialTimeout, YamuxConfig yamux, String agentVersion, int ioThreads) {

    public static HostConfig defaults(Identity identity) {
        return new HostConfig(identity, true, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10),
                YamuxConfig.defaults(), "gmplab-p2pdemo/0.1", 2);
    }

    public HostConfig withEarlyMuxer(boolean on) {
        return new HostConfig(identity, on, handshakeTimeout, negotiationTimeout, dialTimeout, yamux, agentVersion, ioThreads);
    }

    public HostConfig withHandshakeTimeout(Duration d) {
        return new HostConfig(identity, earlyMuxer, d, negotiationTimeout, dialTimeout, yamux, agentVersion, ioThreads);
    }

    public HostConfig withNegotiationTimeout(Duration d) {
        return new HostConfig(identity, earlyMuxer, handshakeTimeout, d, dialTimeout, yamux, agentVersion, ioThreads);
    }

    public HostConfig withYamux(YamuxConfig y) {
        return new HostConfig(identity, earlyMuxer, handshakeTimeout, negotiationTimeout, dialTimeout, y, agentVersion, ioThreads);
    }
}
