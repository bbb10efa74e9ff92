package gmplab.p2p.libp2p;

/** Bytes or text that do not decode: truncated, oversized, non-minimal or otherwise invalid. */
public class MalformedMessageException extends Libp2pException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
