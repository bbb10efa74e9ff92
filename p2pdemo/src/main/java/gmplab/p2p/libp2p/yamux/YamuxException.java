package gmplab.p2p.libp2p.yamux;

import gmplab.p2p.libp2p.Libp2pException;

/** The peer broke the yamux protocol (the session answers with GoAway(1) and closes). */
public class YamuxException extends Libp2pException {
    private static final long serialVersionUID = 1L;

    public YamuxException(String message) {
        super(message);
    }
}
