package gmplab.p2p.libp2p.noise;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.crypto.ProtoReader;
import gmplab.p2p.libp2p.crypto.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * libp2p's NoiseHandshakePayload: identity_key (1), identity_sig (2) and
 * extensions (4) holding stream_muxers (2). webtransport_certhashes and
 * unknown fields are skipped.
 *
 * @param streamMuxers the muxers offered in extensions; empty when there are no extensions
 */
public record NoisePayload(byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {
    /** A payload larger than this is refused (a handshake message is at most 65535 bytes anyway). */
    public static final int MAX_BYTES = 65535;

    public NoisePayload {
        streamMuxers = List.copyOf(streamMuxers);
    }

    public byte[] encode() {
        ProtoWriter w = new ProtoWriter().bytes(1, identityKey).bytes(2, identitySig);
        if (!streamMuxers.isEmpty()) {
            ProtoWriter ext = new ProtoWriter();
            for (String m : streamMuxers) {
                ext.string(2, m);
            }
            w.bytes(4, ext.toByteArray());
        }
        return w.toByteArray();
    }

    public static NoisePayload decode(byte[] bytes) throws MalformedMessageException {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedMessageException("Noise payload too long");
        }
        ProtoReader r = new ProtoReader(bytes);
        byte[] key = null;
        byte[] sig = null;
        List<String> muxers = new ArrayList<>();
        while (r.hasNext()) {
            switch (r.nextField()) {
                case 1 -> key = r.readBytes();
                case 2 -> sig = r.readBytes();
                case 4 -> {
                    ProtoReader e = new ProtoReader(r.readBytes());
                    while (e.hasNext()) {
                        if (e.nextField() == 2) {
                            muxers.add(e.readString());
                        } else {
                            e.skip();
                        }
                    }
                }
                default -> r.skip();
            }
        }
        if (key == null || sig == null) {
            throw new MalformedMessageException("Noise payload lacks identity_key or identity_sig");
        }
        return new NoisePayload(key, sig, muxers);
    }
}
