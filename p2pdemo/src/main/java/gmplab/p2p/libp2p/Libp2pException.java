package gmplab.p2p.libp2p;

import java.io.IOException;

/**
 * Base of every error the libp2p stack reports. All decoders, handshakes and
 * muxers throw a subclass of this (never a RuntimeException for bad input),
 * so callers can tell a misbehaving peer from a bug.
 */
public class Libp2pException extends IOException {
    private static final long serialVersionUID = 1L;

    public Libp2pException(String message) {
        super(message);
    }

    public Libp2pException(String message, Throwable cause) {
        super(message, cause);
    }
}
