package gmplab.p2p.libp2p;

/** The remote proved an identity other than the peer id the dialer asked for. */
public class PeerIdMismatchException extends HandshakeException {
    private static final long serialVersionUID = 1L;

    public PeerIdMismatchException(String message) {
        super(message);
    }
}
