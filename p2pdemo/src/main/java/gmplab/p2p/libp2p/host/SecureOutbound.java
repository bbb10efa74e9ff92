package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.noise.CipherState;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The yamux session's way out: each frame is encrypted as one Noise
 * transport message by the thread that sends it (so a stream writer, not
 * the I/O thread, pays for its own encryption and no copy of its bytes is
 * made), queued in nonce order, and written by the channel's event loop.
 * Writes always go through the queue, even from the event loop, so the
 * bytes reach the socket in nonce order.
 */
final class SecureOutbound {
    private final Channel channel;
    private final CipherState cipher;
    private final ConcurrentLinkedQueue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    SecureOutbound(Channel channel, CipherState cipher) {
        this.channel = channel;
        this.cipher = cipher;
    }

    void send(YamuxFrame f) {
        int plain = YamuxFrame.HEADER_LENGTH + f.payloadLength();
        if (plain > NoiseSecureChannel.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("yamux frame larger than one Noise message");
        }
        byte[] out = new byte[2 + plain + CipherState.TAG_LENGTH];
        synchronized (this) {
            try {
                int w = cipher.encrypt2(f.header(), f.data(), f.offset(), f.payloadLength(), out, 2);
                out[0] = (byte) (w >>> 8);
                out[1] = (byte) w;
            } catch (Libp2pException e) {
                channel.close();
                return;
            }
            queue.add(Unpooled.wrappedBuffer(out));
        }
        if (scheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        ByteBuf b;
        boolean any = false;
        while ((b = queue.poll()) != null) {
            channel.write(b, channel.voidPromise());
            any = true;
        }
        if (any) {
            channel.flush();
        }
    }

    /** Closes after everything queued so far has been written. */
    void closeAfterFlush() {
        channel.eventLoop().execute(() -> {
            drain();
            channel.close();
        });
    }
}
