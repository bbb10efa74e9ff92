package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.crypto.ProtoReader;
import gmplab.p2p.libp2p.crypto.ProtoWriter;
import gmplab.p2p.libp2p.crypto.PublicKey;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.Varint;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /ipfs/id/1.0.0}: the responder sends one length-prefixed Identify
 * protobuf (public key, listen addresses, protocols, observed address,
 * versions) and closes its side.
 */
public final class Identify {
    public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";
    public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
    /** Longest Identify message accepted (js-libp2p sends at most 8 KiB; leave room). */
    public static final int MAX_MESSAGE = 64 * 1024;

    /** What a peer says about itself. Unparseable addresses are skipped. */
    public record Info(PublicKey publicKey, List<Multiaddr> listenAddrs, List<String> protocols, Multiaddr observedAddr,
            String protocolVersion, String agentVersion) {
    }

    private final Host host;

    Identify(Host host) {
        this.host = host;
    }

    void handle(Stream s) throws IOException {
        ProtoWriter w = new ProtoWriter().bytes(1, host.config().identity().publicKey().toProtobuf());
        for (Multiaddr m : host.listenAddresses()) {
            w.bytes(2, m.toBytes());
        }
        for (String p : host.protocols()) {
            w.string(3, p);
        }
        w.bytes(4, s.connection().remoteAddress().toBytes());
        w.string(5, PROTOCOL_VERSION);
        w.string(6, host.config().agentVersion());
        byte[] msg = w.toByteArray();
        byte[] framed = new byte[Varint.size(msg.length) + msg.length];
        int off = Varint.write(msg.length, framed, 0);
        System.arraycopy(msg, 0, framed, off, msg.length);
        s.write(framed);
        s.closeWrite();
    }

    static Info request(Connection c) throws IOException {
        Stream s = c.newStream(PROTOCOL_ID);
        try {
            s.setReadTimeout(c.hostConfig().negotiationTimeout());
            InputStream in = s.inputStream();
            long len = Varint.read(in);
            if (len > MAX_MESSAGE) {
                throw new MalformedMessageException("identify message of " + len + " bytes");
            }
            byte[] msg = in.readNBytes((int) len);
            if (msg.length < len) {
                throw new EOFException("identify message truncated");
            }
            s.close();
            return decode(msg);
        } catch (IOException e) {
            s.reset();
            throw e;
        }
    }

    /** Decodes an Identify protobuf (without its length prefix). */
    public static Info decode(byte[] msg) throws Libp2pException {
        ProtoReader r = new ProtoReader(msg);
        PublicKey key = null;
        List<Multiaddr> addrs = new ArrayList<>();
        List<String> protos = new ArrayList<>();
        Multiaddr observed = null;
        String pv = null;
        String av = null;
        while (r.hasNext()) {
            switch (r.nextField()) {
                case 1 -> key = PublicKey.fromProtobuf(r.readBytes());
                case 2 -> {
                    byte[] a = r.readBytes();
                    try {
                        addrs.add(Multiaddr.fromBytes(a));
                    } catch (MalformedMessageException e) {
                        // an address type we do not know: skip it
                    }
                }
                case 3 -> protos.add(r.readString());
                case 4 -> {
                    byte[] a = r.readBytes();
                    try {
                        observed = Multiaddr.fromBytes(a);
                    } catch (MalformedMessageException e) {
                        observed = null;
                    }
                }
                case 5 -> pv = r.readString();
                case 6 -> av = r.readString();
                default -> r.skip();
            }
        }
        return new Info(key, addrs, protos, observed, pv, av);
    }
}
