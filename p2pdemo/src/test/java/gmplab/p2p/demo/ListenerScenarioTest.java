package gmplab.p2p.demo;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.runtime.SimConfig;
import gmplab.trace.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static gmplab.p2p.demo.Scenario.PEER_B;
import static gmplab.p2p.demo.Scenario.PEER_C;
import static gmplab.p2p.demo.Scenario.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kubo {@code p2p} listener, blog-era and fixed, on the simulated network: the
 * scripted scenarios of the P2P demo, with the blog-era bugs reproducing and gone in the
 * fixed version. Every run is deterministic (same transcript, same events).
 */
class ListenerScenarioTest {
    static final String TARGET = "/ip4/127.0.0.1/tcp/5001";
    static final String FWD = "/ip4/127.0.0.1/tcp/6001";
    static final String ECHO = "/x/echo/1.0.0";

    static Scenario.Result listenAndEcho(Version v, SimConfig cfg) {
        Scenario s = new Scenario(v).echoService(TARGET);
        if (cfg != null) s.config(cfg);
        s.command("listen " + ECHO + " " + TARGET)
                .openStream("A", PEER_B, ECHO).write("A", "hello").read("A", 5)
                .openStream("B", PEER_C, ECHO).write("B", "world").read("B", 5)
                .command("ls").command("stream ls -v");
        return s.run();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void listenForwardsEachStreamToTheTargetAndBack(Version v) {
        Scenario.Result r = listenAndEcho(v, null);
        assertEquals(0, r.run().exitCode(), r.run().stderr());
        assertTrue(r.text().contains("A: read \"hello\"\n"), r.text());
        assertTrue(r.text().contains("B: read \"world\"\n"), r.text());
        String ls = v == Version.FIXED
                ? ECHO + "\t/p2p/" + SELF + "\t" + TARGET
                : ECHO + "\t" + TARGET + "\t" + TARGET;
        assertTrue(r.text().contains("> ls\n" + ls + "\n"), r.text());
        if (v == Version.FIXED) {
            assertTrue(r.text().contains("ID\tProtocol\tOrigin\tTarget\n0\t" + ECHO + "\t/p2p/" + PEER_B + "\t" + TARGET), r.text());
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void runsAreDeterministic(Version v) {
        Scenario.Result a = listenAndEcho(v, null);
        Scenario.Result b = listenAndEcho(v, null);
        assertEquals(a.text(), b.text());
        assertEquals(a.events().toString(), b.events().toString());
    }

    /** The handler goroutine's send on conCh readies the accept loop into its own P's runnext. */
    @ParameterizedTest
    @EnumSource(Version.class)
    void handlerHandsTheStreamToTheAcceptLoopThroughRunnext(Version v) {
        Scenario.Result r = listenAndEcho(v, null);
        long accept = goid(r, v == Version.FIXED ? "main.(*remoteListener).acceptStreams" : "main.(*P2P).acceptStreams");
        List<Long> handlers = goids(r, "main.(*P2P).registerStreamHandler.func1");
        assertEquals(2, handlers.size(), "one handler goroutine per incoming stream");
        List<Event> ev = r.events();
        int handoffs = 0;
        for (int i = 0; i < ev.size(); i++) {
            Event e = ev.get(i);
            if (e.g() != accept || !(e.key().equals("ready") || e.key().equals("ready.kick"))) continue;
            if (!handlers.contains(e.argLong(0))) continue;
            // readied by a handler: onto the handler's P; it then runs there, inheriting the time slice
            int p = e.p();
            boolean inherited = false;
            for (int j = i + 1; j < ev.size(); j++) {
                Event f = ev.get(j);
                if (f.g() == accept && f.key().startsWith("execute")) {
                    inherited = f.key().equals("execute.inherit") && f.p() == p;
                    break;
                }
            }
            assertTrue(inherited, "the accept loop runs next on P" + p + " with execute.inherit");
            handoffs++;
        }
        assertEquals(2, handoffs, "two streams, two hand-offs through runnext");
    }

    @Test
    void blogEraForwardsOnlyTheFirstConnectionAndKeepsShowingTheListener() {
        Scenario.Result r = forwardTwice(Version.BLOG_ERA);
        assertTrue(r.text().contains("C1: read \"one\"\n"), r.text());
        assertTrue(r.text().contains("C2: dial tcp 127.0.0.1:6001: connect: connection refused"), r.text());
        // Running was never cleared: the dead forward is still listed
        assertTrue(r.text().contains("> ls\n" + ECHO + "\t" + FWD + "\t/ipfs/" + PEER_B + "\n"), r.text());
    }

    @Test
    void fixedForwardsEveryConnection() {
        Scenario.Result r = forwardTwice(Version.FIXED);
        assertTrue(r.text().contains("C1: read \"one\"\n"), r.text());
        assertTrue(r.text().contains("C2: read \"two\"\n"), r.text());
        assertTrue(r.text().contains("C3: read \"three\"\n"), r.text());
        assertTrue(r.text().contains("> ls\n" + ECHO + "\t" + FWD + "\t/p2p/" + PEER_B + "\n"), r.text());
        assertEquals(3, goids(r, "main.(*localListener).setupStream").size(), "a goroutine per connection");
    }

    static Scenario.Result forwardTwice(Version v) {
        Scenario s = new Scenario(v);
        s.command("forward " + ECHO + " " + FWD + " /p2p/" + PEER_B)
                .connect("C1", FWD).write("C1", "one").read("C1", 3)
                .connect("C2", FWD).write("C2", "two").read("C2", 3)
                .connect("C3", FWD).write("C3", "three").read("C3", 5)
                .command("ls");
        Scenario.Result r = s.run();
        assertEquals(0, r.run().exitCode(), r.run().stderr());
        return r;
    }

    static Scenario.Result closeAllOfThree(Version v) {
        Scenario s = new Scenario(v).echoService(TARGET);
        for (String p : List.of("/x/a", "/x/b", "/x/c")) s.command("listen " + p + " " + TARGET);
        s.command("close -a").command("ls")
                .openStream("B", PEER_B, "/x/b").write("B", "still here?").read("B", 11);
        Scenario.Result r = s.run();
        assertEquals(0, r.run().exitCode(), r.run().stderr());
        return r;
    }

    @Test
    void blogEraCloseAllSkipsAListenerWhoseAcceptLoopLeaks() {
        Scenario.Result r = closeAllOfThree(Version.BLOG_ERA);
        assertTrue(r.text().contains("> close -a\nClosed 3 stream(s)\n"), r.text());
        // ranging over the slice while Close removes from it skipped /x/b
        assertTrue(r.text().contains("> ls\n/x/b\t" + TARGET + "\t" + TARGET + "\n"), r.text());
        assertTrue(r.text().contains("B: read \"still here?\""), r.text());
        assertTrue(r.parkedGoroutines().contains("main.(*P2P).acceptStreams [select]"), r.parkedGoroutines().toString());
    }

    @Test
    void fixedCloseAllClosesEveryListenerAndItsAcceptLoopExits() {
        Scenario.Result r = closeAllOfThree(Version.FIXED);
        assertTrue(r.text().contains("> close -a\nClosed 3 stream(s)\n> ls\n"), r.text());
        assertFalse(r.text().contains("/x/b\t"), r.text());
        assertTrue(r.text().contains("B: read \"\" (reset)"), r.text());
        assertFalse(r.parkedGoroutines().stream().anyMatch(g -> g.contains("acceptStreams")), r.parkedGoroutines().toString());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void closingAListenerEndsItsAcceptLoopAndResetsNewStreams(Version v) {
        Scenario s = new Scenario(v).echoService(TARGET);
        s.command("listen " + ECHO + " " + TARGET).command("close -p " + ECHO).command("ls")
                .openStream("A", PEER_B, ECHO).awaitEnd("A");
        Scenario.Result r = s.run();
        assertTrue(r.text().contains("> close -p " + ECHO + "\nClosed 1 stream(s)\n> ls\nA: reset\n"), r.text());
        assertFalse(r.parkedGoroutines().stream().anyMatch(g -> g.contains("acceptStreams")), r.parkedGoroutines().toString());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void badInputGetsKubosMessages(Version v) {
        Scenario s = new Scenario(v).echoService(TARGET);
        s.command("listen /echo " + TARGET)
                .command("listen " + ECHO + " /ip4/127.0.0.1/tcp/0")
                .command("listen " + ECHO + " /ip4/127.0.0.1/udpx/1")
                .command("listen " + ECHO + " " + TARGET)
                .command("listen " + ECHO + " " + TARGET)
                .command("forward " + ECHO + " " + FWD + " /ip4/127.0.0.1/tcp/4001")
                .command("forward /y " + FWD + " /p2p/" + PEER_B)
                .command("close")
                .command("close -a -p " + ECHO)
                .command("stream close")
                .command("ls");
        Scenario.Result r = s.run();
        String t = r.text();
        assertTrue(t.contains("> listen /echo " + TARGET + "\nError: protocol name must be within '/x/' namespace\n"), t);
        assertTrue(t.contains("Error: port can not be 0\n"), t);
        assertTrue(t.contains("Error: failed to parse multiaddr \"/ip4/127.0.0.1/udpx/1\": unknown multiaddr protocol 'udpx'\n"), t);
        assertTrue(t.contains("Error: " + (v == Version.FIXED ? "listener already registered" : "protocol handler already registered") + "\n"), t);
        assertTrue(t.contains("Error: invalid p2p multiaddr\n"), t);
        assertTrue(t.contains("> forward /y " + FWD + " /p2p/" + PEER_B + "\nError: protocol name must be within '/x/' namespace\n"), t);
        assertTrue(t.contains("> close\nError: no matching options given\n"), t);
        assertTrue(t.contains("Error: can't combine --all with other matching options\n"), t);
        assertTrue(t.contains("> stream close\nError: no id specified\n"), t);
        // nothing half-open: one listener, no forward
        assertTrue(t.endsWith("> ls\n" + (v == Version.FIXED ? ECHO + "\t/p2p/" + SELF + "\t" + TARGET : ECHO + "\t" + TARGET + "\t" + TARGET) + "\n"), t);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void reportPeerIdWritesTheRemotePeerFirst(Version v) {
        Scenario s = new Scenario(v).echoService(TARGET);
        s.command("listen -r " + ECHO + " " + TARGET)
                .openStream("A", PEER_B, ECHO).write("A", "x").read("A", PEER_B.length() + 2);
        Scenario.Result r = s.run();
        assertTrue(r.text().contains("A: read \"" + PEER_B + "\\nx\""), r.text());
    }

    @Test
    void fixedDeliversTheReplyAfterTheRequestsEof() {
        Scenario s = new Scenario(Version.FIXED).echoService(TARGET);
        s.command("listen " + ECHO + " " + TARGET)
                .openStream("A", PEER_B, ECHO).write("A", "ping").closeWrite("A").awaitEnd("A")
                .command("stream ls");
        Scenario.Result r = s.run();
        // half-close travels through the bridge; the echo comes back, then EOF; the stream is deregistered
        assertTrue(r.text().contains("A: EOF after \"ping\"\n> stream ls\n"), r.text());
    }

    @Test
    void streamCloseResetsTheBridgedStream() {
        Scenario s = new Scenario(Version.FIXED).echoService(TARGET);
        s.command("listen " + ECHO + " " + TARGET)
                .openStream("A", PEER_B, ECHO).write("A", "hi").read("A", 2)
                .command("stream close 0").awaitEnd("A").command("stream ls");
        Scenario.Result r = s.run();
        assertTrue(r.text().contains("> stream close 0\nA: reset\n> stream ls\n"), r.text());
    }

    static long goid(Scenario.Result r, String name) {
        List<Long> ids = goids(r, name);
        assertEquals(1, ids.size(), name);
        return ids.get(0);
    }

    /** The goroutines created running {@code name} (from the newproc events: G structs are reused). */
    static List<Long> goids(Scenario.Result r, String name) {
        return r.events().stream().filter(e -> e.key().startsWith("newproc") && e.args().length > 3
                && name.equals(e.argString(3))).map(Event::g).toList();
    }
}
