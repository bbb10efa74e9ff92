package gmplab.p2p.libp2p.multiformats;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr such as {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…}, in text
 * and binary form ({@code uvarint(code) || value} per component). Supports
 * ip4, ip6, tcp, udp, dns, dns4, dns6 and p2p ({@code /ipfs/} is read as an
 * alias of {@code /p2p/}).
 */
public final class Multiaddr {
    /** The protocols this implementation knows. */
    public enum Proto {
        IP4(0x04, "ip4", 4), TCP(0x06, "tcp", 2), UDP(0x0111, "udp", 2), IP6(0x29, "ip6", 16),
        DNS(0x35, "dns", -1), DNS4(0x36, "dns4", -1), DNS6(0x37, "dns6", -1), P2P(0x01A5, "p2p", -1);

        final int code;
        final String name;
        /** Fixed value size in bytes, or -1 for a uvarint-length-prefixed value. */
        final int size;

        Proto(int code, String name, int size) {
            this.code = code;
            this.name = name;
            this.size = size;
        }

        static Proto byName(String n) {
            if (n.equals("ipfs")) {
                return P2P;
            }
            for (Proto p : values()) {
                if (p.name.equals(n)) {
                    return p;
                }
            }
            return null;
        }

        static Proto byCode(long c) {
            for (Proto p : values()) {
                if (p.code == c) {
                    return p;
                }
            }
            return null;
        }
    }

    /** One {@code /proto/value} component; {@code value} is the binary value without a length prefix. */
    public record Component(Proto proto, byte[] value) {
        public Component {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Component c && c.proto == proto && Arrays.equals(c.value, value);
        }

        @Override
        public int hashCode() {
            return proto.hashCode() * 31 + Arrays.hashCode(value);
        }
    }

    private static final int MAX_BINARY = 1024;
    private final List<Component> components;

    private Multiaddr(List<Component> components) {
        this.components = List.copyOf(components);
    }

    public List<Component> components() {
        return components;
    }

    public static Multiaddr parse(String text) throws MalformedMessageException {
        if (text.length() > MAX_BINARY * 4) {
            throw new MalformedMessageException("multiaddr text too long");
        }
        if (!text.startsWith("/")) {
            throw new MalformedMessageException("a multiaddr starts with '/': " + text);
        }
        String[] parts = text.substring(1).split("/", -1);
        if (parts.length == 1 && parts[0].isEmpty()) {
            throw new MalformedMessageException("empty multiaddr");
        }
        List<Component> out = new ArrayList<>();
        int i = 0;
        while (i < parts.length) {
            String name = parts[i++];
            if (name.isEmpty() && i == parts.length) {
                break; // trailing slash
            }
            Proto p = Proto.byName(name);
            if (p == null) {
                throw new MalformedMessageException("unknown multiaddr protocol '" + name + "'");
            }
            if (i >= parts.length) {
                throw new MalformedMessageException("multiaddr protocol /" + name + " lacks its value");
            }
            out.add(new Component(p, valueFromText(p, parts[i++])));
        }
        return new Multiaddr(out);
    }

    /** Parses text known to be valid (constants, tests). */
    public static Multiaddr of(String text) {
        try {
            return parse(text);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static byte[] valueFromText(Proto p, String v) throws MalformedMessageException {
        switch (p) {
            case IP4:
                return parseIp4(v);
            case IP6:
                return parseIp6(v);
            case TCP:
            case UDP:
                int port;
                try {
                    port = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new MalformedMessageException("invalid port '" + v + "'");
                }
                if (port < 0 || port > 65535 || !v.matches("[0-9]{1,5}")) {
                    throw new MalformedMessageException("invalid port '" + v + "'");
                }
                return new byte[] {(byte) (port >>> 8), (byte) port};
            case DNS:
            case DNS4:
            case DNS6:
                if (v.isEmpty() || v.length() > 255) {
                    throw new MalformedMessageException("invalid DNS name");
                }
                return v.getBytes(StandardCharsets.UTF_8);
            case P2P:
                return PeerId.parse(v).toBytes();
            default:
                throw new MalformedMessageException("unsupported protocol " + p.name);
        }
    }

    private static byte[] parseIp4(String v) throws MalformedMessageException {
        String[] o = v.split("\\.", -1);
        if (o.length != 4) {
            throw new MalformedMessageException("invalid IPv4 address '" + v + "'");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!o[i].matches("[0-9]{1,3}") || Integer.parseInt(o[i]) > 255) {
                throw new MalformedMessageException("invalid IPv4 address '" + v + "'");
            }
            out[i] = (byte) Integer.parseInt(o[i]);
        }
        return out;
    }

    private static byte[] parseIp6(String v) throws MalformedMessageException {
        if (!v.contains(":") || !v.matches("[0-9A-Fa-f:.]{2,45}")) {
            throw new MalformedMessageException("invalid IPv6 address '" + v + "'");
        }
        try {
            // a literal: InetAddress does not resolve it
            byte[] b = InetAddress.getByName(v).getAddress();
            if (b.length == 4) { // IPv4-mapped forms come back as IPv4
                byte[] m = new byte[16];
                m[10] = (byte) 0xff;
                m[11] = (byte) 0xff;
                System.arraycopy(b, 0, m, 12, 4);
                return m;
            }
            return b;
        } catch (UnknownHostException | RuntimeException e) {
            throw new MalformedMessageException("invalid IPv6 address '" + v + "'");
        }
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Component c : components) {
            Varint.write(c.proto.code, out);
            if (c.proto.size < 0) {
                Varint.write(c.value.length, out);
            }
            out.write(c.value, 0, c.value.length);
        }
        return out.toByteArray();
    }

    public static Multiaddr fromBytes(byte[] bytes) throws MalformedMessageException {
        if (bytes.length > MAX_BINARY) {
            throw new MalformedMessageException("binary multiaddr longer than " + MAX_BINARY + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        List<Component> out = new ArrayList<>();
        while (buf.hasRemaining()) {
            long code = Varint.read(buf);
            Proto p = Proto.byCode(code);
            if (p == null) {
                throw new MalformedMessageException("unknown multiaddr protocol code 0x" + Long.toHexString(code));
            }
            int len = p.size >= 0 ? p.size : Varint.readInt(buf, MAX_BINARY);
            if (buf.remaining() < len) {
                throw new MalformedMessageException("truncated multiaddr value for /" + p.name);
            }
            byte[] v = new byte[len];
            buf.get(v);
            if (p == Proto.P2P) {
                PeerId.fromBytes(v); // validate
            } else if (p == Proto.DNS || p == Proto.DNS4 || p == Proto.DNS6) {
                valueFromText(p, textOf(p, v));
            }
            out.add(new Component(p, v));
        }
        if (out.isEmpty()) {
            throw new MalformedMessageException("empty multiaddr");
        }
        return new Multiaddr(out);
    }

    private static String textOf(Proto p, byte[] v) {
        switch (p) {
            case IP4:
                return (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF) + "." + (v[3] & 0xFF);
            case IP6:
                return formatIp6(v);
            case TCP:
            case UDP:
                return Integer.toString(((v[0] & 0xFF) << 8) | (v[1] & 0xFF));
            case P2P:
                try {
                    return PeerId.fromBytes(v).toString();
                } catch (MalformedMessageException e) {
                    return Base58.encode(v);
                }
            default:
                return new String(v, StandardCharsets.UTF_8);
        }
    }

    /** RFC 5952 text: lower case, the longest run of two or more zero groups as {@code ::}. */
    static String formatIp6(byte[] v) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((v[2 * i] & 0xFF) << 8) | (v[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            sb.append('/').append(c.proto.name).append('/').append(textOf(c.proto, c.value));
        }
        return sb.toString();
    }

    /** The value of the first component of protocol {@code p}, as text. */
    public Optional<String> valueOf(Proto p) {
        for (Component c : components) {
            if (c.proto == p) {
                return Optional.of(textOf(p, c.value));
            }
        }
        return Optional.empty();
    }

    /** The peer id of the trailing {@code /p2p/} component, if any. */
    public Optional<PeerId> peerId() {
        for (Component c : components) {
            if (c.proto == Proto.P2P) {
                try {
                    return Optional.of(PeerId.fromBytes(c.value));
                } catch (MalformedMessageException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** This address without any {@code /p2p/} component. */
    public Multiaddr withoutPeerId() {
        List<Component> out = new ArrayList<>();
        for (Component c : components) {
            if (c.proto != Proto.P2P) {
                out.add(c);
            }
        }
        return new Multiaddr(out);
    }

    public Multiaddr withPeerId(PeerId id) {
        List<Component> out = new ArrayList<>(withoutPeerId().components);
        out.add(new Component(Proto.P2P, id.toBytes()));
        return new Multiaddr(out);
    }

    /** The TCP socket address this multiaddr names; DNS names are resolved here. */
    public InetSocketAddress toTcpSocketAddress() throws MalformedMessageException, UnknownHostException {
        String host = null;
        Proto hostProto = null;
        Integer port = null;
        for (Component c : components) {
            switch (c.proto) {
                case IP4, IP6, DNS, DNS4, DNS6 -> {
                    if (host == null) {
                        host = textOf(c.proto, c.value);
                        hostProto = c.proto;
                    }
                }
                case TCP -> {
                    if (port == null) {
                        port = Integer.parseInt(textOf(c.proto, c.value));
                    }
                }
                default -> {
                }
            }
        }
        if (host == null || port == null) {
            throw new MalformedMessageException("not a TCP multiaddr: " + this);
        }
        InetAddress addr;
        if (hostProto == Proto.IP4 || hostProto == Proto.IP6) {
            addr = InetAddress.getByAddress(valueBytes(hostProto));
        } else {
            addr = resolve(host, hostProto);
        }
        return new InetSocketAddress(addr, port);
    }

    private byte[] valueBytes(Proto p) {
        for (Component c : components) {
            if (c.proto == p) {
                return c.value;
            }
        }
        throw new IllegalStateException();
    }

    private static InetAddress resolve(String host, Proto p) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            boolean v6 = a instanceof Inet6Address;
            if (p == Proto.DNS || (p == Proto.DNS6) == v6) {
                return a;
            }
        }
        throw new UnknownHostException("no " + p.name + " address for " + host);
    }

    /** The multiaddr of a TCP socket address: {@code /ip4/…/tcp/…} or {@code /ip6/…/tcp/…}. */
    public static Multiaddr fromSocketAddress(InetSocketAddress sa) {
        byte[] ip = sa.getAddress().getAddress();
        Proto p = ip.length == 4 ? Proto.IP4 : Proto.IP6;
        int port = sa.getPort();
        return new Multiaddr(List.of(new Component(p, ip),
                new Component(Proto.TCP, new byte[] {(byte) (port >>> 8), (byte) port})));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multiaddr m && m.components.equals(components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }
}
