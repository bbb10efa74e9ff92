package gmplab.p2p.libp2p.host;

import java.io.IOException;

/** {@code /x/echo/1.0.0}: echo every byte until the remote half-closes, then half-close. */
public final class Echo {
    public static final String PROTOCOL_ID = "/x/echo/1.0.0";

    private Echo() {
    }

    /** The server side, for {@link Host#setStreamHandler}. */
    public static void handle(Stream s) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = s.read(buf)) >= 0) {
            s.write(buf, 0, n);
        }
        s.closeWrite();
    }

    /** Sends {@code message}, half-closes and returns everything echoed back. */
    public static byte[] call(Stream s, byte[] message) throws IOException {
        Thread writer = null;
        IOException[] writeError = new IOException[1];
        if (message.length <= 64 * 1024) {
            s.write(message);
            s.closeWrite();
        } else {
            // big messages: write on another thread so that reading drains the echo concurrently
            writer = new Thread(() -> {
                try {
                    s.write(message);
                    s.closeWrite();
                } catch (IOException e) {
                    writeError[0] = e;
                }
            }, "echo-writer");
            writer.setDaemon(true);
            writer.start();
        }
        byte[] reply = s.readAllBytes();
        if (writer != null) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            if (writeError[0] != null) {
                throw writeError[0];
            }
        }
        return reply;
    }
}
