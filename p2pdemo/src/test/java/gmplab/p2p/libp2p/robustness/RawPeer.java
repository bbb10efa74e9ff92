package gmplab.p2p.libp2p.robustness;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multistream.Multistream;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A hand-driven libp2p dialer on a plain blocking socket, for tests that
 * must misbehave on purpose (raw bytes, overrun windows, too many streams).
 */
final class RawPeer implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    private NoiseSecureChannel.Result noise;
    private ByteBuffer plain = ByteBuffer.allocate(0);

    RawPeer(Multiaddr addr) throws IOException {
        socket = new Socket();
        InetSocketAddress sa = addr.toTcpSocketAddress();
        socket.connect(sa, 5000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** mss /noise, Noise XX with early muxer: afterwards yamux frames can flow. */
    RawPeer upgrade() throws IOException {
        out.write(Multistream.encodeAll(List.of(Multistream.PROTOCOL_ID, NoiseSecureChannel.PROTOCOL_ID)));
        if (!Multistream.read(in).equals(Multistream.PROTOCOL_ID) || !Multistream.read(in).equals("/noise")) {
            throw new Libp2pException("no /noise");
        }
        NoiseSecureChannel n = new NoiseSecureChannel(true, Identity.generate(), null, List.of("/yamux/1.0.0"));
        writeMessage(n.start());
        writeMessage(n.onMessage(readMessage()));
        noise = n.result();
        return this;
    }

    void writeMessage(byte[] m) throws IOException {
        out.write(new byte[] {(byte) (m.length >>> 8), (byte) m.length});
        out.write(m);
        out.flush();
    }

    byte[] readMessage() throws IOException {
        int len = in.readUnsignedShort();
        byte[] m = new byte[len];
        in.readFully(m);
        return m;
    }

    gmplab.p2p.libp2p.noise.CipherState noiseCipherForTests() {
        return noise.sendCipher();
    }

    void send(YamuxFrame f) throws IOException {
        writeMessage(noise.sendCipher().encrypt(null, f.toBytes()));
    }

    /** Reads the next yamux frame (header and Data payload). */
    YamuxFrame receive() throws IOException {
        while (true) {
            if (plain.remaining() >= 12) {
                int mark = plain.position();
                YamuxFrame.Header h = YamuxFrame.readHeader(plain);
                int len = h.type() == YamuxFrame.TYPE_DATA ? (int) h.length() : 0;
                if (plain.remaining() >= len) {
                    byte[] d = new byte[len];
                    plain.get(d);
                    return new YamuxFrame(h.type(), h.flags(), h.streamId(), h.length(), d, 0);
                }
                plain.position(mark);
            }
            byte[] p = noise.receiveCipher().decrypt(null, readMessage());
            ByteBuffer n = ByteBuffer.allocate(plain.remaining() + p.length);
            n.put(plain).put(p).flip();
            plain = n;
        }
    }

    /** Reads frames until one matches; fails on EOF or time-out. */
    YamuxFrame receiveUntil(java.util.function.Predicate<YamuxFrame> p) throws IOException {
        while (true) {
            YamuxFrame f = receive();
            if (p.test(f)) {
                return f;
            }
        }
    }

    /** True when the remote closes the TCP connection within the socket timeout. */
    boolean closedByRemote() {
        try {
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset counts as closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
