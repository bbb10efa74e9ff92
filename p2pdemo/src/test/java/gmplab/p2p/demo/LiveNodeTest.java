package gmplab.p2p.demo;

import gmplab.p2p.demo.ListenerDemo.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The UI's real back end: a daemon in this process, a real remote peer, real sockets, all on loopback. */
class LiveNodeTest {

    private static boolean said(P2pRun r, String text) {
        return r.transcript().stream().anyMatch(l -> l.text().equals(text));
    }

    @Test
    @Timeout(90)
    void forwardToTheRemotePeerCarriesALocalApplicationsBytes(@TempDir Path repo) throws Exception {
        try (LiveNode node = LiveNode.start(Version.FIXED, repo)) {
            String fwd = TcpEchoService.freeLoopbackAddress();
            node.act(new P2pAction.Command("forward " + SimSession.ECHO + " " + fwd + " /p2p/" + node.remotePeers().get(0)));
            P2pRun forwarding = Runs.await(node, r -> !r.registries().at(r.recording().size() - 1).listeners().isEmpty());
            assertThat(forwarding.registries().at(forwarding.recording().size() - 1).listeners()).singleElement()
                    .satisfies(l -> assertThat(l.kind()).isEqualTo("forward"));
            node.act(new P2pAction.Connect(fwd, "via peer\n"));
            P2pRun echoed = Runs.await(node, r -> said(r, "c1 ← \"via peer\\n\""));
            assertThat(said(echoed, "c1 ← \"via peer\\n\"")).as(echoed.transcript().toString()).isTrue();
        }
    }

    @Test
    @Timeout(90)
    void aRealPeersStreamIsBridgedToTheServiceAndShowsInTheReplayedRegistries(@TempDir Path repo) throws Exception {
        try (TcpEchoService echo = new TcpEchoService(); LiveNode node = LiveNode.start(Version.FIXED, repo)) {
            assertThat(node.listenAddrs()).allMatch(a -> a.startsWith("/ip4/127.0.0.1/tcp/") && a.contains("/p2p/"));
            // as kubo, a second node on the same repo is refused (it would take over the first one's API file)
            assertThatThrownBy(() -> LiveNode.start(Version.BLOG_ERA, repo))
                    .hasMessageStartingWith("someone else has the lock: a p2p daemon is already running on " + repo);
            String target = echo.address();
            node.act(new P2pAction.Command("listen " + SimSession.ECHO + " " + target));
            P2pRun listening = Runs.await(node, r -> !r.registries().at(r.recording().size() - 1).listeners().isEmpty());
            assertThat(listening.registries().at(listening.recording().size() - 1).listeners()).singleElement()
                    .satisfies(l -> assertThat(l.targetAddress()).isEqualTo(target));

            node.act(new P2pAction.OpenStream(node.remotePeers().get(0), SimSession.ECHO, "hi\n"));
            P2pRun echoed = Runs.await(node, r -> said(r, "s1 ← \"hi\\n\""));
            assertThat(said(echoed, "s1 ← \"hi\\n\"")).as(echoed.transcript().toString()).isTrue();
            assertThat(echoed.registries().at(echoed.recording().size() - 1).streams()).singleElement()
                    .satisfies(s -> assertThat(s.origin()).isEqualTo("/p2p/" + node.remotePeers().get(0)));

            // a terminal's ./gmplab p2p commands reach the same daemon through repo/api
            String[] ls = DaemonApi.call(repo, "stream ls");
            assertThat(ls[0]).isEqualTo("ok");
            assertThat(ls[1]).contains(SimSession.ECHO).contains(target);

            node.act(new P2pAction.CloseWrite("s1"));
            P2pRun closed = Runs.await(node, r -> said(r, "s1: EOF")
                    && r.registries().at(r.recording().size() - 1).streams().isEmpty());
            assertThat(closed.registries().at(closed.recording().size() - 1).streams()).isEmpty();
            assertThat(closed.actionEvents()).as("commands from the pane and from a terminal are the replay's actions").hasSize(2);
            assertThat(said(closed, "> stream ls")).isTrue();

            // peer C is a second real host: its stream shows as coming from it
            assertThat(node.remotePeers()).hasSize(2).doesNotHaveDuplicates();
            String peerC = node.remotePeers().get(1);
            node.act(new P2pAction.OpenStream(peerC, SimSession.ECHO, "from C\n"));
            P2pRun fromC = Runs.await(node, r -> said(r, "s2 ← \"from C\\n\""));
            assertThat(fromC.registries().at(fromC.recording().size() - 1).streams()).singleElement()
                    .satisfies(s -> assertThat(s.origin()).isEqualTo("/p2p/" + peerC));
        }
    }
}
