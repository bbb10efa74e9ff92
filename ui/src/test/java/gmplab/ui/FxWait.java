package gmplab.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Waiting for the FX thread in TestFX tests: conditions and values evaluated there. */
public final class FxWait {
    private FxWait() { }

    /** Waits (up to 30 s) until {@code c}, evaluated on the FX thread, holds; then lets pending FX events run. */
    public static void until(Callable<Boolean> c) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(c).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code c} evaluated on the FX thread. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until a node matching {@code query} passes {@code p} and returns it. Cells (list,
     * table) follow their model one layout pulse later, so tests that read them wait here.
     */
    public static Node untilNode(FxRobot r, String query, java.util.function.Predicate<Node> p) {
        Node[] found = new Node[1];
        try {
            until(() -> (found[0] = r.lookup(query).queryAll().stream().filter(p).findFirst().orElse(null)) != null);
        } catch (AssertionError e) {
            throw new AssertionError("no such " + query + " among " + fx(() -> texts(r, query)), e);
        }
        return found[0];
    }

    /** Waits until a {@link Labeled} matching {@code query} shows {@code text}; returns it. */
    public static Labeled untilText(FxRobot r, String query, String text) {
        return (Labeled) untilNode(r, query, n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible());
    }

    /** The texts the {@link Labeled} nodes matching {@code query} show now. */
    public static List<String> texts(FxRobot r, String query) {
        return r.lookup(query).queryAll().stream()
                .map(n -> n instanceof Labeled l ? l.getText() : null).filter(Objects::nonNull).toList();
    }
}
