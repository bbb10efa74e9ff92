package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.Libp2pException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/** {@code /ipfs/ping/1.0.0}: the server echoes 32-byte payloads until the stream ends. */
public final class Ping {
    public static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";
    public static final int SIZE = 32;

    private Ping() {
    }

    static void handle(Stream s) throws IOException {
        byte[] buf = new byte[SIZE];
        while (true) {
            int n = s.inputStream().readNBytes(buf, 0, SIZE);
            if (n == 0) {
                s.closeWrite();
                return;
            }
            if (n < SIZE) {
                s.reset();
                return;
            }
            s.write(buf);
        }
    }

    /** One round trip on a fresh stream. */
    static Duration ping(Connection c) throws IOException {
        Stream s = c.newStream(PROTOCOL_ID);
        try {
            byte[] payload = new byte[SIZE];
            new SecureRandom().nextBytes(payload);
            s.setReadTimeout(c.hostConfig().negotiationTimeout());
            long t0 = System.nanoTime();
            s.write(payload);
            byte[] back = s.inputStream().readNBytes(SIZE);
            long t1 = System.nanoTime();
            if (!Arrays.equals(back, payload)) {
                throw new Libp2pException("ping reply does not match");
            }
            s.closeWrite();
            return Duration.ofNanos(t1 - t0);
        } catch (IOException e) {
            s.reset();
            throw e;
        }
    }
}
