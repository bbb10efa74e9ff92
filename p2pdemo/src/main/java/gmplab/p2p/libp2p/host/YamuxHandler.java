package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import gmplab.p2p.libp2p.yamux.YamuxSession;
import gmplab.p2p.libp2p.yamux.YamuxStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Last in the pipeline: parses yamux frames from the decrypted byte stream
 * (a frame may span Noise messages and a message may hold several frames)
 * and feeds them to the connection's {@link YamuxSession}.
 */
final class YamuxHandler extends ByteToMessageDecoder {
    private final Host host;
    private final boolean client;
    private final NoiseSecureChannel.Result security;
    private final String negotiation;
    private final CompletableFuture<Connection> dialed;
    private Connection connection;
    private YamuxSession session;
    private YamuxFrame.Header pending;

    YamuxHandler(Host host, boolean client, NoiseSecureChannel.Result security, String negotiation,
            CompletableFuture<Connection> dialed) {
        this.host = host;
        this.client = client;
        this.security = security;
        this.negotiation = negotiation;
        this.dialed = dialed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        connection = new Connection(host, ch, security.remotePeer(), security.remoteKey(),
                client ? Connection.Direction.OUTBOUND : Connection.Direction.INBOUND, negotiation,
                Multiaddr.fromSocketAddress((InetSocketAddress) ch.remoteAddress()),
                Multiaddr.fromSocketAddress((InetSocketAddress) ch.localAddress()));
        session = new YamuxSession(client, new YamuxSession.Transport() {
            @Override
            public void send(YamuxFrame frame) {
                ch.writeAndFlush(frame, ch.voidPromise());
            }

            @Override
            public void close() {
                ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
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
        ch.attr(Host.CONNECTION).set(connection);
        host.connectionOpened(connection);
        if (dialed != null) {
            dialed.complete(connection);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (!session.isClosed()) {
            if (pending == null) {
                if (in.readableBytes() < YamuxFrame.HEADER_LENGTH) {
                    return;
                }
                ByteBuffer h = ByteBuffer.allocate(YamuxFrame.HEADER_LENGTH);
                in.readBytes(h);
                h.flip();
                try {
                    pending = YamuxFrame.readHeader(h);
                } catch (MalformedMessageException e) {
                    protocolError(e.getMessage());
                    return;
                }
                if (pending.type() == YamuxFrame.TYPE_DATA && pending.length() > host.config().yamux().maxStreamWindow()) {
                    protocolError("Data frame of " + pending.length() + " bytes exceeds any window");
                    return;
                }
            }
            int len = pending.type() == YamuxFrame.TYPE_DATA ? (int) pending.length() : 0;
            if (in.readableBytes() < len) {
                return;
            }
            byte[] data = new byte[len];
            in.readBytes(data);
            YamuxFrame.Header h = pending;
            pending = null;
            session.onFrame(h, data);
        }
        in.skipBytes(in.readableBytes());
    }

    private void protocolError(String msg) {
        session.protocolError(msg);
        host.log("yamux protocol error from " + connection.remotePeer() + ": " + msg);
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
