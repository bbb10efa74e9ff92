package gmplab.p2p.libp2p.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.ProtocolNegotiationException;
import gmplab.p2p.libp2p.multiformats.Hex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte strings from docs/libp2p-checklist.md §3.3. */
class MultistreamTest {

    @Test
    void messageBytes() {
        assertThat(Hex.encode(Multistream.encode("/multistream/1.0.0"))).isEqualTo("132f6d756c746973747265616d2f312e302e300a");
        assertThat(Hex.encode(Multistream.encode("/noise"))).isEqualTo("072f6e6f6973650a");
        assertThat(Hex.encode(Multistream.encode("/yamux/1.0.0"))).isEqualTo("0d2f79616d75782f312e302e300a");
        assertThat(Hex.encode(Multistream.encode("/x/echo/1.0.0"))).isEqualTo("0e2f782f6563686f2f312e302e300a");
        assertThat(Hex.encode(Multistream.encode("na"))).isEqualTo("036e610a");
        assertThat(Hex.encode(Multistream.encode("ls"))).isEqualTo("036c730a");
        // the JS initiator's first yamux Data frame for /x/echo/1.0.0 is 35 bytes
        assertThat(MultistreamNegotiator.initiator(List.of("/x/echo/1.0.0")).start()).hasSize(35);
    }

    @Test
    void tryReadWaitsForCompleteMessagesAndKeepsTheRest() throws Exception {
        byte[] two = Hex.of("072f6e6f6973650a" + "0102");
        ByteBuffer partial = ByteBuffer.wrap(two, 0, 5);
        assertThat(Multistream.tryRead(partial)).isNull();
        assertThat(partial.position()).isZero();
        ByteBuffer all = ByteBuffer.wrap(two);
        assertThat(Multistream.tryRead(all)).isEqualTo("/noise");
        assertThat(all.remaining()).isEqualTo(2); // bytes for the next layer stay put
    }

    @Test
    void rejectsOversizedAndUnterminatedMessages() {
        assertThatThrownBy(() -> Multistream.tryRead(ByteBuffer.wrap(Hex.of("8108")))).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> Multistream.tryRead(ByteBuffer.wrap(Hex.of("026e61")))).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> Multistream.tryRead(ByteBuffer.wrap(Hex.of("00")))).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> Multistream.tryRead(ByteBuffer.wrap(Hex.of("ffff03")))).isInstanceOf(MalformedMessageException.class);
        assertThat(Multistream.encode("a".repeat(1023))).hasSize(2 + 1024);
    }

    @Test
    void initiatorAndResponderAgreeAfterNa() throws Exception {
        MultistreamNegotiator i = MultistreamNegotiator.initiator(List.of("/a", "/b"));
        MultistreamNegotiator r = MultistreamNegotiator.responder(p -> p.equals("/b"), () -> List.of("/b"));
        ByteBuffer toR = ByteBuffer.wrap(i.start());
        ByteArrayOutputStream toI = new ByteArrayOutputStream();
        String m;
        while ((m = Multistream.tryRead(toR)) != null) {
            toI.writeBytes(r.onMessage(m));
        }
        assertThat(Hex.encode(toI.toByteArray())).isEqualTo(Hex.encode(Multistream.encodeAll(List.of("/multistream/1.0.0", "na"))));
        ByteBuffer fromR = ByteBuffer.wrap(toI.toByteArray());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        while ((m = Multistream.tryRead(fromR)) != null) {
            again.writeBytes(i.onMessage(m));
        }
        assertThat(again.toByteArray()).isEqualTo(Multistream.encode("/b"));
        assertThat(Multistream.tryRead(ByteBuffer.wrap(r.onMessage("/b")))).isEqualTo("/b");
        assertThat(r.selected()).isEqualTo("/b");
        i.onMessage("/b");
        assertThat(i.selected()).isEqualTo("/b");
    }

    @Test
    void responderListsAndRefuses() throws Exception {
        MultistreamNegotiator r = MultistreamNegotiator.responder(p -> false, () -> List.of("/x"));
        r.onMessage("/multistream/1.0.0");
        assertThat(Hex.encode(r.onMessage("ls"))).isEqualTo("05" + "032f780a" + "0a");
        assertThat(r.onMessage("/nope")).isEqualTo(Multistream.encode("na"));
        assertThat(r.selected()).isNull();
    }

    @Test
    void initiatorGivesUpAfterLastNa() throws Exception {
        MultistreamNegotiator i = MultistreamNegotiator.initiator(List.of("/a"));
        i.onMessage("/multistream/1.0.0");
        assertThatThrownBy(() -> i.onMessage("na")).isInstanceOf(ProtocolNegotiationException.class);
        MultistreamNegotiator j = MultistreamNegotiator.initiator(List.of("/a"));
        assertThatThrownBy(() -> j.onMessage("/a")).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void blockingRunLeavesApplicationBytes() throws Exception {
        byte[] wire = Hex.of("132f6d756c746973747265616d2f312e302e300a" + "0e2f782f6563686f2f312e302e300a" + "68656c6c6f");
        ByteArrayInputStream in = new ByteArrayInputStream(wire);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String p = MultistreamNegotiator.responder("/x/echo/1.0.0"::equals, List::of).runBlocking(in, out);
        assertThat(p).isEqualTo("/x/echo/1.0.0");
        assertThat(new String(in.readAllBytes())).isEqualTo("hello");
        assertThat(out.toByteArray()).isEqualTo(Hex.of("132f6d756c746973747265616d2f312e302e300a0e2f782f6563686f2f312e302e300a"));
    }
}
