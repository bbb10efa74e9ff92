package gmplab.p2p.libp2p;

/** The connection upgrade (multistream-select, Noise, muxer selection) failed. */
public class HandshakeException extends Libp2pException {
    private static final long serialVersionUID = 1L;

    public HandshakeException(String message) {
        super(message);
    }

    public HandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
