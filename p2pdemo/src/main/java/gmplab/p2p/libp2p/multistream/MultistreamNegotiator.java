package gmplab.p2p.libp2p.multistream;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.ProtocolNegotiationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A sans-I/O multistream-select 1.0.0 negotiation, in the initiator or the
 * responder role. Feed it decoded messages with {@link #onMessage}; send
 * whatever bytes it returns; stop when {@link #selected()} is non-null. The
 * same object drives the cleartext connection (from a Netty handler) and
 * each yamux stream (blocking, see {@link #runBlocking}).
 */
public final class MultistreamNegotiator {
    private static final byte[] NONE = new byte[0];

    private final boolean initiator;
    private final List<String> proposals;
    private final Predicate<String> supported;
    private final Supplier<List<String>> lsList;
    private int next;
    private boolean headerSeen;
    private String selected;

    private MultistreamNegotiator(boolean initiator, List<String> proposals, Predicate<String> supported,
            Supplier<List<String>> lsList) {
        this.initiator = initiator;
        this.proposals = proposals;
        this.supported = supported;
        this.lsList = lsList;
    }

    /** The initiator proposes {@code protocols} in order until one is accepted. */
    public static MultistreamNegotiator initiator(List<String> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no protocol to propose");
        }
        return new MultistreamNegotiator(true, List.copyOf(protocols), p -> false, List::of);
    }

    /** The responder accepts any protocol {@code supported} accepts and lists {@code ls} on request. */
    public static MultistreamNegotiator responder(Predicate<String> supported, Supplier<List<String>> ls) {
        return new MultistreamNegotiator(false, List.of(), supported, ls);
    }

    public boolean isInitiator() {
        return initiator;
    }

    /** Bytes to send first: the initiator's header and first proposal in one write; nothing for a responder. */
    public byte[] start() {
        if (!initiator) {
            return NONE;
        }
        return Multistream.encodeAll(List.of(Multistream.PROTOCOL_ID, proposals.get(next)));
    }

    /** The selected protocol, or null while negotiating. */
    public String selected() {
        return selected;
    }

    /** Handles one received message and returns the bytes to send in reply (possibly none). */
    public byte[] onMessage(String msg) throws Libp2pException {
        if (selected != null) {
            throw new IllegalStateException("negotiation already finished");
        }
        if (!headerSeen) {
            if (!msg.equals(Multistream.PROTOCOL_ID)) {
                throw new MalformedMessageException("expected " + Multistream.PROTOCOL_ID + ", got '" + clip(msg) + "'");
            }
            headerSeen = true;
            return initiator ? NONE : Multistream.encode(Multistream.PROTOCOL_ID);
        }
        if (initiator) {
            String proposed = proposals.get(next);
            if (msg.equals(proposed)) {
                selected = proposed;
                return NONE;
            }
            if (!msg.equals(Multistream.NA)) {
                throw new MalformedMessageException("unexpected reply '" + clip(msg) + "' to proposal " + proposed);
            }
            next++;
            if (next >= proposals.size()) {
                throw new ProtocolNegotiationException("remote supports none of " + proposals);
            }
            return Multistream.encode(proposals.get(next));
        }
        if (msg.equals(Multistream.LS)) {
            return Multistream.encodeLs(lsList.get());
        }
        if (!msg.equals(Multistream.NA) && !msg.equals(Multistream.PROTOCOL_ID) && supported.test(msg)) {
            selected = msg;
            return Multistream.encode(msg);
        }
        return Multistream.encode(Multistream.NA);
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    /**
     * Runs the whole negotiation over a blocking byte stream (a yamux stream).
     * Reads exactly the negotiation's messages, so application bytes that
     * follow stay in {@code in}.
     *
     * @return the selected protocol
     */
    public String runBlocking(InputStream in, OutputStream out) throws IOException {
        byte[] first = start();
        if (first.length > 0) {
            out.write(first);
            out.flush();
        }
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (selected == null) {
            byte[] reply = onMessage(Multistream.read(in));
            if (reply.length > 0) {
                pending.writeBytes(reply);
                out.write(pending.toByteArray());
                out.flush();
                pending.reset();
            }
        }
        return selected;
    }
}
