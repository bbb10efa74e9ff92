package gmplab.p2p.demo;

import gmplab.golang.GoCompileException;
import gmplab.golang.GoProgram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The kubo {@code p2p} listener in the Go subset, in its two versions: the blog-era
 * code (go-ipfs ≈0.4.14, with its bugs) and the fixed one. The sources are resources
 * ({@code go/p2p/blogera/p2p.go}, {@code go/p2p/fixed/p2p.go}; in the repository under
 * {@code p2pdemo/src/main/go/p2p/}).
 */
public final class ListenerDemo {
    private ListenerDemo() { }

    /** Which version of the kubo code runs. */
    public enum Version {
        BLOG_ERA("blogera"), FIXED("fixed");

        final String dir;

        Version(String dir) {
            this.dir = dir;
        }

        /** The resource path of the source. */
        public String resource() {
            return "go/p2p/" + dir + "/p2p.go";
        }

        /** The file name shown in compile errors and tracebacks. */
        public String fileName() {
            return "p2p/" + dir + "/p2p.go";
        }
    }

    /** The Go source of {@code v}. */
    public static String source(Version v) {
        try (InputStream in = ListenerDemo.class.getClassLoader().getResourceAsStream(v.resource())) {
            if (in == null) throw new IllegalStateException("missing resource " + v.resource());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles version {@code v} against the packages of {@code world}. */
    public static GoProgram compile(Version v, World world) {
        try {
            return GoProgram.compile(v.fileName(), source(v), new GoP2pPackages(world).packages());
        } catch (GoCompileException e) {
            throw new IllegalStateException("the " + v + " p2p code does not compile:\n" + e.getMessage(), e);
        }
    }
}
