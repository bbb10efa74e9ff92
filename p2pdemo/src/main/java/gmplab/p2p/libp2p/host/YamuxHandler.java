package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import gmplab.p2p.libp2p.yamux.YamuxFrameParser;
import gmplab.p2p.libp2p.yamux.YamuxSession;
import gmplab.p2p.libp2p.yamux.YamuxStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Last in the pipeline once the muxer is chosen: builds the
 * {@link Connection} and its {@link YamuxSession}. Inbound, the Noise decoder
 * hands each decrypted message straight to this handler's frame parser (a
 * frame may span Noise messages and a message may hold several frames);
 * outbound, frames go through {@link SecureOutbound}, which replaces the
 * pipeline's Noise encoder.
 */
final class YamuxHandler extends ChannelInboundHandlerAdapter {
    private final Host host;
    private final boolean client;
    private final NoiseSecureChannel.Result security;
    private final String negotiation;
    private final CompletableFuture<Connection> dialed;
    private final YamuxFrameParser parser;
    private final YamuxFrameParser.Sink toSession;
    private Connection connection;
    private YamuxSession session;

    YamuxHandler(Host host, boolean client, NoiseSecureChannel.Result security, String negotiation,
            CompletableFuture<Connection> dialed) {
        this.host = host;
        this.client = client;
        this.security = security;
        this.negotiation = negotiation;
        this.dialed = dialed;
        this.parser = new YamuxFrameParser(host.config().yamux().maxStreamWindow());
        this.toSession = (h, data, off, len) -> session.onFrame(h, data, off, len);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        connection = new Connection(host, ch, security.remotePeer(), security.remoteKey(),
                client ? Connection.Direction.OUTBOUND : Connection.Direction.INBOUND, negotiation,
                Multiaddr.fromSocketAddress((InetSocketAddress) ch.remoteAddress()),
                Multiaddr.fromSocketAddress((InetSocketAddress) ch.localAddress()));
        if (ch.pipeline().get("noise-encoder") != null) {
            ch.pipeline().remove("noise-encoder");
        }
        SecureOutbound out = new SecureOutbound(ch, security.sendCipher());
        session = new YamuxSession(client, new YamuxSession.Transport() {
            @Override
            public void send(YamuxFrame frame) {
                out.send(frame);
            }

            @Override
            public void close() {
                out.closeAfterFlush();
            }
        }, host.config().yamux(), new YamuxSession.Listener() {
            @Override
            public void onInboundStream(YamuxStream stream) {
                host.dispatchInbound(connection, stream);
            }

            @Override
            public void onStreamClosed(YamuxStream stream) {
                connection.streamDone(stream);
            }
        });
        connection.attach(session);
        NoiseTransportCodec.Decoder decoder = (NoiseTransportCodec.Decoder) ch.pipeline().get("noise-decoder");
        decoder.deliverTo(plain -> feed(plain, 0, plain.length));
        ch.attr(Host.CONNECTION).set(connection);
        host.connectionOpened(connection);
        if (dialed != null) {
            dialed.complete(connection);
        }
    }

    private void feed(byte[] plain, int off, int len) {
        if (session.isClosed()) {
            return;
        }
        try {
            parser.feed(plain, off, len, toSession);
        } catch (MalformedMessageException e) {
            session.protocolError(e.getMessage());
            host.log("yamux protocol error from " + connection.remotePeer() + ": " + e.getMessage());
        }
    }

    /** Plaintext that was already decoded before this handler took over (left by the muxer negotiation). */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            try {
                byte[] copy = new byte[b.readableBytes()];
                b.readBytes(copy);
                feed(copy, 0, copy.length);
            } finally {
                b.release();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        session.onTransportClosed(null);
        host.connectionClosed(connection, session.closeCause());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = UpgradeHandler.unwrap(cause);
        host.log("connection to " + connection.remotePeer() + " failed: " + c);
        session.onTransportClosed(c);
        ctx.close();
    }
}
