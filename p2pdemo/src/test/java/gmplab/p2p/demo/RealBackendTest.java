package gmplab.p2p.demo;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real back end in one process: a libp2p peer's bytes flow through the simulated kubo code, recorded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealBackendTest {

    @Test
    void streamsFromARealPeerReachTheGoProgramAsRecordedNetpollerEvents() throws Exception {
        try (ServerSocket echo = new ServerSocket();
             Host node = new Host(HostConfig.defaults(Identity.generate()));
             Host peer = new Host(HostConfig.defaults(Identity.generate()))) {
            echo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                    // test over
                }
            });
            t.setDaemon(true);
            t.start();
            node.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
            DaemonRunner runner = new DaemonRunner();
            RealNetwork net = new RealNetwork(node, runner);
            World world = new World(node.peerId().toString(), net);
            List<gmplab.trace.Event> live = new java.util.concurrent.CopyOnWriteArrayList<>();
            SimConfig cfg = SimConfig.defaults().withGomaxprocs(2);
            runner.start(ListenerDemo.Version.FIXED, world, cfg, live::add);

            Request listen = runner.submit(Request.parse("listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/" + echo.getLocalPort()))
                    .get(10, TimeUnit.SECONDS);
            assertNull(listen.error());
            byte[] reply = Echo.call(peer.newStream(node.fullListenAddresses().get(0), "/x/echo/1.0.0"),
                    "real bytes".getBytes(StandardCharsets.UTF_8));
            assertEquals("real bytes", new String(reply, StandardCharsets.UTF_8));

            runner.stop();
            RunResult rr = runner.done().get(10, TimeUnit.SECONDS);
            net.shutdown();
            assertEquals(0, rr.exitCode(), rr.stderr());
            List<DaemonRunner.Input> j = runner.journal();
            List<String> what = j.stream().map(DaemonRunner.Input::what).toList();
            // the node idles between inputs: an input that finds it idle first lets the waiting time pass
            assertTrue(what.contains("advance"), what.toString());
            List<String> fromOutside = what.stream().filter(w -> !w.equals("advance")).toList();
            assertTrue(fromOutside.get(0).startsWith("api listen /x/echo/1.0.0"), what.toString());
            assertTrue(what.stream().anyMatch(w -> w.startsWith("stream.in ") && w.contains(" /x/echo/1.0.0 " + peer.peerId())),
                    what.toString());
            assertTrue(what.stream().anyMatch(w -> w.startsWith("dial.ok ") && w.contains(" tcp ")), what.toString());
            assertTrue(what.stream().anyMatch(w -> w.startsWith("eof ")), what.toString());
            assertTrue(what.stream().anyMatch(w -> w.startsWith("data ")), what.toString());
            for (int i = 1; i < j.size(); i++) assertTrue(j.get(i).virtualNs() >= j.get(i - 1).virtualNs());

            // the journal survives its text form, and replaying it gives the same events, without any network
            List<DaemonRunner.Input> parsed = j.stream().map(DaemonRunner.Input::line).map(DaemonRunner.Input::parse).toList();
            assertEquals(j, parsed);
            Replay.Result replay = Replay.run(ListenerDemo.Version.FIXED, world.selfId, parsed, cfg);
            assertEquals(0, replay.run().exitCode());
            assertEquals(norm(live), norm(replay.events()));
            assertEquals(List.of("> listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/" + echo.getLocalPort() + "\n"), replay.transcript());
        }
    }

    /** Events as text, one per line. */
    static String norm(List<gmplab.trace.Event> ev) {
        return String.join("\n", ev.stream().map(Object::toString).toList());
    }
}
