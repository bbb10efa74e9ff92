package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.HandshakeException;
import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.multiformats.PeerId;
import gmplab.p2p.libp2p.multistream.Multistream;
import gmplab.p2p.libp2p.multistream.MultistreamNegotiator;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cleartext part of a connection upgrade, first in the pipeline:
 * multistream-select for {@code /noise}, then the Noise XX handshake
 * ({@code u16be}-framed). When the handshake completes it installs the Noise
 * transport codec and either the yamux handler (early muxer) or a
 * multistream-select round for {@code /yamux/1.0.0}, and removes itself;
 * bytes that arrived behind the last handshake message go to the new
 * handlers. The whole upgrade (through the muxer) must finish within the
 * handshake timeout or the connection is closed.
 */
final class UpgradeHandler extends ByteToMessageDecoder {
    private final Host host;
    private final boolean initiator;
    private final CompletableFuture<Connection> dialed;
    private final MultistreamNegotiator mss;
    private final NoiseSecureChannel noise;
    private boolean secure;
    private ScheduledFuture<?> timeout;

    UpgradeHandler(Host host, boolean initiator, PeerId expected, CompletableFuture<Connection> dialed) {
        this.host = host;
        this.initiator = initiator;
        this.dialed = dialed;
        this.mss = initiator
                ? MultistreamNegotiator.initiator(List.of(NoiseSecureChannel.PROTOCOL_ID))
                : MultistreamNegotiator.responder(NoiseSecureChannel.PROTOCOL_ID::equals,
                        () -> List.of(NoiseSecureChannel.PROTOCOL_ID));
        this.noise = host.newNoise(initiator, expected);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        long ms = host.config().handshakeTimeout().toMillis();
        timeout = ctx.executor().schedule(() -> {
            if (!ctx.channel().hasAttr(Host.CONNECTION) || ctx.channel().attr(Host.CONNECTION).get() == null) {
                fail(ctx, new HandshakeException("connection upgrade timed out after " + ms + " ms"));
            }
        }, ms, TimeUnit.MILLISECONDS);
        ctx.channel().closeFuture().addListener(f -> timeout.cancel(false));
        if (initiator) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(mss.start()));
        }
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (!secure && mss.selected() == null) {
            ByteBuffer view = in.nioBuffer();
            String msg = Multistream.tryRead(view);
            if (msg == null) {
                return;
            }
            in.skipBytes(view.position());
            byte[] reply = mss.onMessage(msg);
            if (reply.length > 0) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
            }
            if (mss.selected() != null && initiator) {
                writeFrame(ctx, noise.start());
            }
        }
        while (!noise.isComplete()) {
            if (in.readableBytes() < 2) {
                return;
            }
            int len = in.getUnsignedShort(in.readerIndex());
            if (in.readableBytes() < 2 + len) {
                return;
            }
            in.skipBytes(2);
            byte[] m = new byte[len];
            in.readBytes(m);
            byte[] reply = noise.onMessage(m);
            if (reply != null) {
                writeFrame(ctx, reply);
            }
        }
        secure = true;
        NoiseSecureChannel.Result r = noise.result();
        var p = ctx.pipeline();
        p.addAfter(ctx.name(), "noise-encoder", new NoiseTransportCodec.Encoder(r.sendCipher()));
        p.addAfter("noise-encoder", "noise-decoder", new NoiseTransportCodec.Decoder(r.receiveCipher()));
        if (r.earlyMuxer() != null) {
            p.addAfter("noise-decoder", "yamux", new YamuxHandler(host, initiator, r, "early", dialed));
        } else {
            p.addAfter("noise-decoder", "muxer-select", new MuxerSelectHandler(host, initiator, r, dialed));
        }
        p.remove(this);
    }

    private static void writeFrame(ChannelHandlerContext ctx, byte[] m) {
        ByteBuf b = Unpooled.buffer(2 + m.length);
        b.writeShort(m.length);
        b.writeBytes(m);
        ctx.writeAndFlush(b);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = unwrap(cause);
        host.upgradeFailed(ctx.channel(), c);
        if (dialed != null) {
            dialed.completeExceptionally(c);
        }
        ctx.close();
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof io.netty.handler.codec.DecoderException && t.getCause() != null) {
            t = t.getCause();
        }
        if (!(t instanceof Libp2pException) && !(t instanceof java.io.IOException)) {
            return new Libp2pException("connection failed: " + t, t);
        }
        return t;
    }
}
