package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.noise.CipherState;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Noise transport messages on a Netty pipeline: {@code u16be length ||
 * ciphertext}. The decoder emits plaintext ByteBufs; the encoder accepts
 * {@link YamuxFrame}s (one Noise message each) and ByteBufs (split at 65519
 * plaintext bytes).
 */
final class NoiseTransportCodec {
    private NoiseTransportCodec() {
    }

    /** Receives decrypted transport messages directly (the arrays are fresh and never modified again). */
    interface PlaintextSink {
        void onPlaintext(byte[] plain) throws Libp2pException;
    }

    /**
     * Inbound: length-prefixed ciphertext in, plaintext out: as ByteBufs down
     * the pipeline, or straight to a {@link PlaintextSink} once one is set.
     */
    static final class Decoder extends ByteToMessageDecoder {
        private final CipherState cipher;
        private byte[] scratch = new byte[4096];
        private PlaintextSink sink;

        Decoder(CipherState cipher) {
            this.cipher = cipher;
        }

        void deliverTo(PlaintextSink s) {
            this.sink = s;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Libp2pException {
            while (in.readableBytes() >= 2) {
                int len = in.getUnsignedShort(in.readerIndex());
                if (in.readableBytes() < 2 + len) {
                    return;
                }
                if (len < CipherState.TAG_LENGTH) {
                    throw new MalformedMessageException("Noise transport message of " + len + " bytes (shorter than its tag)");
                }
                in.skipBytes(2);
                byte[] c;
                int off;
                if (in.hasArray()) {
                    c = in.array();
                    off = in.arrayOffset() + in.readerIndex();
                } else {
                    if (scratch.length < len) {
                        scratch = new byte[Math.max(len, scratch.length * 2)];
                    }
                    in.getBytes(in.readerIndex(), scratch, 0, len);
                    c = scratch;
                    off = 0;
                }
                byte[] plain = new byte[len - CipherState.TAG_LENGTH];
                cipher.decrypt(null, c, off, len, plain, 0);
                in.skipBytes(len);
                if (sink != null) {
                    sink.onPlaintext(plain);
                } else {
                    out.add(io.netty.buffer.Unpooled.wrappedBuffer(plain));
                }
            }
        }
    }

    /** Outbound: frames and bytes in, length-prefixed ciphertext out. */
    static final class Encoder extends ChannelOutboundHandlerAdapter {
        private final CipherState cipher;

        Encoder(CipherState cipher) {
            this.cipher = cipher;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof YamuxFrame f) {
                int plain = YamuxFrame.HEADER_LENGTH + f.payloadLength();
                if (plain > NoiseSecureChannel.MAX_PLAINTEXT) {
                    throw new IllegalStateException("yamux frame larger than one Noise message");
                }
                byte[] out = new byte[2 + plain + CipherState.TAG_LENGTH];
                int w = cipher.encrypt2(f.header(), f.data(), f.offset(), f.payloadLength(), out, 2);
                out[0] = (byte) (w >>> 8);
                out[1] = (byte) w;
                ctx.write(io.netty.buffer.Unpooled.wrappedBuffer(out), promise);
            } else if (msg instanceof ByteBuf b && b.isReadable()) {
                try {
                    int total = b.readableBytes();
                    int messages = Math.max(1, (total + NoiseSecureChannel.MAX_PLAINTEXT - 1) / NoiseSecureChannel.MAX_PLAINTEXT);
                    byte[] out = new byte[total + messages * (2 + CipherState.TAG_LENGTH)];
                    byte[] in = new byte[total];
                    b.readBytes(in);
                    int o = 0;
                    int i = 0;
                    do {
                        int chunk = Math.min(NoiseSecureChannel.MAX_PLAINTEXT, total - i);
                        int w = cipher.encrypt(null, in, i, chunk, out, o + 2);
                        out[o] = (byte) (w >>> 8);
                        out[o + 1] = (byte) w;
                        o += 2 + w;
                        i += chunk;
                    } while (i < total);
                    ctx.write(io.netty.buffer.Unpooled.wrappedBuffer(out, 0, o), promise);
                } finally {
                    b.release();
                }
            } else {
                ctx.write(msg, promise);
            }
        }
    }
}
