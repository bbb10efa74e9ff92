package gmplab.p2p.libp2p;

/** The stream was reset (yamux RST) by either side, or its connection went away. */
public class StreamResetException extends Libp2pException {
    private static final long serialVersionUID = 1L;

    public StreamResetException(String message) {
        super(message);
    }
}
