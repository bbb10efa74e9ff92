package gmplab.p2p.libp2p;

/** multistream-select ended without a protocol both sides support. */
public class ProtocolNegotiationException extends Libp2pException {
    private static final long serialVersionUID = 1L;

    public ProtocolNegotiationException(String message) {
        super(message);
    }
}
