package gmplab.p2p.demo;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.runtime.GStatus;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The interactive session behind the UI's P2P pane, on the simulated network. */
class SimSessionTest {
    static final String ECHO = SimSession.ECHO;
    static final String LISTEN = "listen " + ECHO + " " + SimSession.ECHO_TARGET;
    static final String FWD = "/ip4/127.0.0.1/tcp/6001";

    private static List<String> texts(P2pRun r) {
        return r.transcript().stream().map(P2pRun.Line::text).toList();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aStreamFromARemotePeerIsEchoedAndTheRegistriesShowItAtTheRightEvents(Version v) {
        P2pRun r = new SimSession(v).with(new P2pAction.Command(LISTEN))
                .with(new P2pAction.OpenStream(Scenario.PEER_B, ECHO, "hello\n")).record();
        assertThat(r.recording().ended()).as("the node idles, waiting for the network").isFalse();
        assertThat(texts(r)).containsSubsequence("> " + LISTEN, "s1: opened by peer …tZ9Xz8F", "s1 → \"hello\\n\"", "s1 ← \"hello\\n\"");
        assertThat(r.actionEvents()).hasSize(2);

        int listenAt = r.actionEvents().get(0);
        int streamAt = r.actionEvents().get(1);
        assertThat(r.registries().at(listenAt - 1).listeners()).as("before the listen command").isEmpty();
        Registries afterListen = r.registries().at(streamAt - 1);
        assertThat(afterListen.listeners()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo("listen");
            assertThat(l.protocol()).isEqualTo(ECHO);
            assertThat(v == Version.FIXED ? l.targetAddress() : l.listenAddress()).isEqualTo(SimSession.ECHO_TARGET);
            assertThat(l.running()).isEqualTo(v == Version.FIXED ? "" : "true");
        });
        assertThat(afterListen.streams()).isEmpty();
        Registries end = r.registries().at(r.recording().size() - 1);
        assertThat(end.streams()).as("the bridged stream stays open until a side closes").singleElement()
                .satisfies(s -> assertThat(s.protocol()).isEqualTo(ECHO));
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void theRegistriesReadOnlyWhenGoCodeRanAreThoseReadAfterEveryEvent(Version v) {
        SimNetwork net = new SimNetwork();
        for (String p : SimSession.PEERS) net.peer(p, ECHO);
        World world = new World(Scenario.SELF, net);
        net.echoService(world, SimSession.ECHO_TARGET);
        RunRecorder rec = new RunRecorder(v, world, gmplab.runtime.SimConfig.defaults().withGomaxprocs(2), false);
        RegistryReader cached = new RegistryReader(v, gmplab.golang.GoInspector.of(rec.main()));
        RegistryReader fresh = new RegistryReader(v, gmplab.golang.GoInspector.of(rec.main()));
        int[] compared = {0};
        rec.simulation().addListener(e -> {
            assertThat(cached.read()).as("after %s", e).isEqualTo(fresh.readNow());
            compared[0]++;
        });
        rec.simulation().start(rec.main());
        for (String line : List.of(LISTEN, "forward " + ECHO + " " + FWD + " /p2p/" + Scenario.PEER_B)) {
            rec.simulation().runUntilIdle();
            world.submit(Request.parse(line));
        }
        rec.simulation().runUntilIdle();
        net.openStreamToUs(world, Scenario.PEER_B, ECHO);
        rec.simulation().runUntilIdle();
        world.submit(Request.parse("close -a"));
        rec.simulation().runUntilIdle();
        assertThat(compared[0]).isGreaterThan(100);
        assertThat(fresh.readNow().listeners()).as("close -a").hasSizeLessThan(2);
    }

    @Test
    void eachActionIsAppliedAtAnIdlePointSoALongerSessionExtendsTheShorterRun() {
        SimSession one = new SimSession(Version.FIXED).with(new P2pAction.Command(LISTEN));
        SimSession two = one.with(new P2pAction.OpenStream(Scenario.PEER_C, ECHO, "x"));
        List<Event> a = one.record().recording().events();
        P2pRun b = two.record();
        assertThat(b.actionEvents().get(1)).isEqualTo(a.size());
        assertThat(b.recording().events().subList(0, a.size())).isEqualTo(a);
        assertThat(two.record().recording().events()).isEqualTo(b.recording().events());
    }

    @Test
    void atEveryIdlePointAllUserGoroutinesWaitAndTheAcceptLoopIsParkedOnConCh() {
        P2pRun r = new SimSession(Version.FIXED).with(new P2pAction.Command(LISTEN)).record();
        Snapshot s = r.recording().snapshotAt(r.recording().size() - 1);
        assertThat(s.gs()).filteredOn(g -> !g.system() && g.status() != GStatus.DEAD)
                .allSatisfy(g -> assertThat(g.status()).isEqualTo(GStatus.WAITING))
                .anySatisfy(g -> assertThat(g.position()).contains("acceptStreams"));
    }

    @Test
    void blogEraDialForwardsOnlyTheFirstConnectionWhileTheRegistryStillSaysRunning() {
        String forward = "forward " + ECHO + " " + FWD + " /p2p/" + Scenario.PEER_B;
        SimSession s = new SimSession(Version.BLOG_ERA).with(new P2pAction.Command(forward))
                .with(new P2pAction.Connect(FWD, "one\n")).with(new P2pAction.Connect(FWD, "two\n"));
        P2pRun old = s.record();
        assertThat(texts(old)).contains("c1 ← \"one\\n\"")
                .anyMatch(t -> t.startsWith("c2: dial tcp 127.0.0.1:6001: connect: connection refused"));
        assertThat(old.registries().at(old.recording().size() - 1).listeners()).singleElement()
                .satisfies(l -> assertThat(l.running()).isEqualTo("true"));

        P2pRun fixed = new SimNode(new SimNode(Version.BLOG_ERA), Version.FIXED).record();
        assertThat(fixed.version()).isEqualTo(Version.FIXED);
        SimNode node = new SimNode(Version.FIXED);
        s.actions().forEach(node::act);
        assertThat(texts(node.record())).contains("c1 ← \"one\\n\"", "c2 ← \"two\\n\"");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void closingTheListenerRemovesItsRow(Version v) {
        P2pRun r = new SimSession(v).with(new P2pAction.Command(LISTEN))
                .with(new P2pAction.Command("close -p " + ECHO)).record();
        assertThat(texts(r)).contains("Closed 1 stream(s)");
        assertThat(r.registries().at(r.actionEvents().get(1) - 1).listeners()).hasSize(1);
        assertThat(r.registries().at(r.recording().size() - 1).listeners()).isEmpty();
    }

    @Test
    void closingTheRemoteSideEndsTheBridgeAndDeregistersTheStream() {
        P2pRun r = new SimSession(Version.FIXED).with(new P2pAction.Command(LISTEN))
                .with(new P2pAction.OpenStream(Scenario.PEER_B, ECHO, "bye\n")).with(new P2pAction.CloseWrite("s1"))
                .with(new P2pAction.CloseWrite("s9")).record();
        assertThat(texts(r)).contains("s1 ← \"bye\\n\"", "s1: EOF", "s9: no such stream or connection");
        assertThat(r.registries().at(r.recording().size() - 1).streams()).isEmpty();
        assertThat(r.registries().at(r.actionEvents().get(2) - 1).streams()).hasSize(1);
    }
}
