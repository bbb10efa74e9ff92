package gmplab.p2p.demo;

import gmplab.golang.GoInspector;
import gmplab.golang.GoValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the kubo code's registries out of the running Go program, as a debugger would:
 * from the package-level {@code ipfsNode.P2P}. Both versions keep them differently —
 * the blog-era code in slices of {@code *ListenerInfo}/{@code *StreamInfo}, the fixed
 * code in maps of {@code Listener} interfaces and {@code *Stream} — and list them as
 * their own {@code ls -v} and {@code stream ls -v} do.
 */
final class RegistryReader {
    private final ListenerDemo.Version version;
    private final GoInspector program;

    RegistryReader(ListenerDemo.Version version, GoInspector program) {
        this.version = version;
        this.program = program;
    }

    private long readAt = -1;
    private Registries last = Registries.EMPTY;

    /** The registries now (empty until {@code main} has made the node's P2P). Call between events. */
    Registries read() {
        long resumes = program.resumes();
        if (resumes != readAt) { // else no Go code ran since the last read: nothing can have changed
            last = readNow();
            readAt = resumes;
        }
        return last;
    }

    /** Reads the registries out of the program now, without the cache. */
    Registries readNow() {
        GoValue p2p = program.global("ipfsNode").map(n -> n.field("P2P")).orElse(null);
        if (p2p == null || p2p.isNil()) return Registries.EMPTY;
        return version == ListenerDemo.Version.FIXED ? fixed(p2p) : blogEra(p2p);
    }

    private static Registries blogEra(GoValue p2p) {
        List<Registries.Listener> ls = new ArrayList<>();
        for (GoValue li : p2p.field("Listeners").field("Listeners").elements()) {
            String target = li.field("Target").asString();
            ls.add(new Registries.Listener(target.startsWith("/ipfs/") ? "forward" : "listen", li.field("Protocol").asString(),
                    multiaddr(li.field("Address")), target, Boolean.toString(li.field("Running").asBool())));
        }
        List<Registries.Stream> ss = new ArrayList<>();
        for (GoValue si : p2p.field("Streams").field("Streams").elements()) {
            ss.add(new Registries.Stream(Long.toUnsignedString(si.field("HandlerID").asLong()), si.field("Protocol").asString(),
                    multiaddr(si.field("LocalAddr")),
                    multiaddr(si.field("RemoteAddr")) + "/ipfs/" + si.field("RemotePeer").asString()));
        }
        return new Registries(ls, ss);
    }

    private static Registries fixed(GoValue p2p) {
        String self = p2p.field("identity").asString();
        List<Registries.Listener> ls = new ArrayList<>();
        for (Map.Entry<GoValue, GoValue> e : p2p.field("Listeners").field("Listeners").entries()) {
            GoValue l = e.getValue();
            String proto = l.field("proto").asString();
            if (l.typeName().endsWith("remoteListener")) {
                ls.add(new Registries.Listener("listen", proto, "/p2p/" + self, multiaddr(l.field("addr")), ""));
            } else {
                ls.add(new Registries.Listener("forward", proto, multiaddr(l.field("laddr")),
                        "/p2p/" + l.field("peer").asString(), ""));
            }
        }
        List<Registries.Stream> ss = new ArrayList<>();
        for (Map.Entry<GoValue, GoValue> e : p2p.field("Streams").field("Streams").entries()) {
            GoValue s = e.getValue();
            ss.add(new Registries.Stream(Long.toUnsignedString(e.getKey().asLong()), s.field("Protocol").asString(),
                    s.field("OriginAddr").asString(), s.field("TargetAddr").asString()));
        }
        return new Registries(ls, ss);
    }

    /** An {@code ma.Multiaddr}: a native handle whose state is the address's text ("" for nil). */
    private static String multiaddr(GoValue m) {
        return m.nativeState().map(Object::toString).orElse("");
    }
}
