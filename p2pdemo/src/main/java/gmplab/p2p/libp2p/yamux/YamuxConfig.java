package gmplab.p2p.libp2p.yamux;

/**
 * Tunables of a yamux session.
 *
 * @param maxStreamWindow the largest receive window a stream grows to (the initial one is 256 KiB)
 * @param maxInboundStreams open inbound streams beyond this are refused with RST
 * @param maxOutboundUnacked outbound streams not yet ACKed beyond this make {@code openStream} fail
 */
public record YamuxConfig(int maxStreamWindow, int maxInboundStreams, int maxOutboundUnacked) {
    public static final int INITIAL_WINDOW = 256 * 1024;
    /** Data bytes per frame so that header + data fit one Noise message (65519 bytes). */
    public static final int MAX_FRAME_DATA = 65519 - YamuxFrame.HEADER_LENGTH;

    public YamuxConfig {
        if (maxStreamWindow < INITIAL_WINDOW) {
            throw new IllegalArgumentException("maxStreamWindow below 256 KiB");
        }
    }

    public static YamuxConfig defaults() {
        return new YamuxConfig(16 * 1024 * 1024, 1000, 256);
    }

    public YamuxConfig withMaxInboundStreams(int n) {
        return new YamuxConfig(maxStreamWindow, n, maxOutboundUnacked);
    }

    public YamuxConfig withMaxStreamWindow(int n) {
        return new YamuxConfig(n, maxInboundStreams, maxOutboundUnacked);
    }
}
