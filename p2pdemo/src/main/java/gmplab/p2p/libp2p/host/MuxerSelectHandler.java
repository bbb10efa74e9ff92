package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.multistream.Multistream;
import gmplab.p2p.libp2p.multistream.MultistreamNegotiator;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** multistream-select for {@code /yamux/1.0.0} inside Noise, when no muxer was agreed in the handshake. */
final class MuxerSelectHandler extends ByteToMessageDecoder {
    private final Host host;
    private final boolean initiator;
    private final NoiseSecureChannel.Result security;
    private final CompletableFuture<Connection> dialed;
    private final MultistreamNegotiator mss;

    MuxerSelectHandler(Host host, boolean initiator, NoiseSecureChannel.Result security,
            CompletableFuture<Connection> dialed) {
        this.host = host;
        this.initiator = initiator;
        this.security = security;
        this.dialed = dialed;
        this.mss = initiator
                ? MultistreamNegotiator.initiator(List.of(YamuxSession.PROTOCOL_ID))
                : MultistreamNegotiator.responder(YamuxSession.PROTOCOL_ID::equals, () -> List.of(YamuxSession.PROTOCOL_ID));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (initiator) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(mss.start()));
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (mss.selected() == null) {
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
        }
        ctx.pipeline().addAfter(ctx.name(), "yamux", new YamuxHandler(host, initiator, security, "multistream", dialed));
        ctx.pipeline().remove(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = UpgradeHandler.unwrap(cause);
        host.upgradeFailed(ctx.channel(), c);
        if (dialed != null) {
            dialed.completeExceptionally(c);
        }
        ctx.close();
    }
}
