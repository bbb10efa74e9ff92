package gmplab.p2p.libp2p.multistream;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.Varint;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * multistream-select 1.0.0 message framing: {@code uvarint(len(s)+1) || s || '\n'}.
 * Messages longer than {@link #MAX_MESSAGE} bytes (newline included) are rejected.
 */
public final class Multistream {
    public static final String PROTOCOL_ID = "/multistream/1.0.0";
    public static final String NA = "na";
    public static final String LS = "ls";
    /** Longest message accepted, counting the trailing newline. */
    public static final int MAX_MESSAGE = 1024;

    private Multistream() {
    }

    /** Encodes one message. */
    public static byte[] encode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length + 1 > MAX_MESSAGE) {
            throw new IllegalArgumentException("multistream message longer than " + MAX_MESSAGE + " bytes");
        }
        byte[] out = new byte[Varint.size(utf8.length + 1) + utf8.length + 1];
        int off = Varint.write(utf8.length + 1, out, 0);
        System.arraycopy(utf8, 0, out, off, utf8.length);
        out[out.length - 1] = '\n';
        return out;
    }

    /** Encodes several messages back to back (one write). */
    public static byte[] encodeAll(List<String> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String m : messages) {
            out.writeBytes(encode(m));
        }
        return out.toByteArray();
    }

    /** The body of an {@code ls} reply: each protocol as a message, then a newline. */
    public static byte[] encodeLs(List<String> protocols) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        for (String p : protocols) {
            inner.writeBytes(encode(p));
        }
        inner.write('\n');
        byte[] body = inner.toByteArray();
        byte[] out = new byte[Varint.size(body.length) + body.length];
        int off = Varint.write(body.length, out, 0);
        System.arraycopy(body, 0, out, off, body.length);
        return out;
    }

    /**
     * Tries to read one message from {@code buf}. Returns null, leaving the
     * position unchanged, when the message is not complete yet.
     */
    public static String tryRead(ByteBuffer buf) throws MalformedMessageException {
        int start = buf.position();
        long len = 0;
        int i = 0;
        while (true) {
            if (!buf.hasRemaining()) {
                buf.position(start);
                return null;
            }
            int b = buf.get() & 0xFF;
            len |= (long) (b & 0x7F) << (7 * i);
            i++;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 1) {
                    throw new MalformedMessageException("multistream length is not minimally encoded");
                }
                break;
            }
            if (i >= 2) {
                throw new MalformedMessageException("multistream message longer than " + MAX_MESSAGE + " bytes");
            }
        }
        checkLength(len);
        if (buf.remaining() < len) {
            buf.position(start);
            return null;
        }
        byte[] body = new byte[(int) len];
        buf.get(body);
        return decodeBody(body);
    }

    /** Reads one message from a stream without reading past it. */
    public static String read(InputStream in) throws IOException {
        long len = Varint.read(in);
        checkLength(len);
        byte[] body = in.readNBytes((int) len);
        if (body.length < len) {
            throw new EOFException("stream ended inside a multistream message");
        }
        return decodeBody(body);
    }

    private static void checkLength(long len) throws MalformedMessageException {
        if (len == 0) {
            throw new MalformedMessageException("empty multistream message");
        }
        if (len > MAX_MESSAGE) {
            throw new MalformedMessageException("multistream message of " + len + " bytes exceeds " + MAX_MESSAGE);
        }
    }

    private static String decodeBody(byte[] body) throws MalformedMessageException {
        if (body[body.length - 1] != '\n') {
            throw new MalformedMessageException("multistream message without trailing newline");
        }
        String s = new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
        if (s.indexOf('\n') >= 0) {
            throw new MalformedMessageException("multistream message with an embedded newline");
        }
        return s;
    }
}
