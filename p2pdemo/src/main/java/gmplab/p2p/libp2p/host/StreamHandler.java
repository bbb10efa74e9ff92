package gmplab.p2p.libp2p.host;

/**
 * Serves one inbound stream after its protocol was negotiated. Runs on its
 * own thread and may block; an exception resets the stream. The handler owns
 * the stream: close or reset it when done.
 */
@FunctionalInterface
public interface StreamHandler {
    void handle(Stream stream) throws Exception;
}
