package gmplab.p2p.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code p2p} command, driven through picocli as the launcher would. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class P2pCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new P2pCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void idPrintsPeerIdAndAddressesAndKeepsTheIdentityFile(@TempDir Path dir) {
        String key = dir.resolve("id.key").toString();
        Run a = run("id", "--identity", key);
        Run b = run("id", "--identity", key);
        assertThat(a.code()).isZero();
        String id = a.out().lines().filter(l -> l.startsWith("peer id: ")).findFirst().orElseThrow().substring(9);
        assertThat(id).startsWith("12D3KooW");
        assertThat(b.out()).contains("peer id: " + id);
        assertThat(a.out()).containsPattern("/ip4/127\\.0\\.0\\.1/tcp/\\d+/p2p/" + id);
    }

    @Test
    void echoServerEchoAndPing() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine server = new CommandLine(new P2pCommand());
        server.setOut(new PrintWriter(out, true));
        Thread t = new Thread(() -> server.execute("echo-server", "--listen", "/ip4/127.0.0.1/tcp/0"), "echo-server");
        t.start();
        try {
            String addr = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (addr == null && System.currentTimeMillis() < deadline) {
                addr = out.toString().lines().filter(l -> l.contains("/p2p/")).findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertThat(addr).startsWith("/ip4/127.0.0.1/tcp/");
            Run echo = run("echo", addr, "hello from the cli");
            assertThat(echo.code()).as(echo.err()).isZero();
            assertThat(echo.out().trim()).isEqualTo("hello from the cli");
            Run echo2 = run("echo", "--no-early-muxer", addr, "again");
            assertThat(echo2.out().trim()).isEqualTo("again");
            Run ping = run("ping", "-c", "2", addr);
            assertThat(ping.code()).isZero();
            assertThat(ping.out()).contains("ping 1: rtt=").contains("ping 2: rtt=");
        } finally {
            t.interrupt();
            t.join(10_000);
        }
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void badAddressIsAOneLineError() {
        Run r = run("echo", "/ip4/1.2.3/tcp/1", "x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("invalid IPv4 address");
        Run refused = run("ping", "/ip4/127.0.0.1/tcp/1/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot connect");
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.out()).contains("id", "echo-server", "echo", "ping", "bench");
    }
}
