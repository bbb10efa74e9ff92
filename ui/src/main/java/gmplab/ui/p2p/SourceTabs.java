package gmplab.ui.p2p;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.P2pRun;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.CodeMarkers;
import gmplab.ui.view.CodePane;
import gmplab.ui.view.Palette;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Both versions' sources in tabs (the chosen version in front, its title marked with a dot),
 * the goroutines' markers on the version that ran, and the scrolling that keeps the followed
 * goroutine's line in view: the selected goroutine's, else the running one's, else the first marked.
 */
final class SourceTabs {
    private final I18n i18n;
    private final P2pViewModel vm;
    private final Supplier<DemoGoroutine> selected;
    private final CodePane blogEraCode = new CodePane();
    private final CodePane fixedCode = new CodePane();
    private final TabPane tabs = new TabPane();

    /** {@code selected}: the goroutine picked in the pane's list (null: none). */
    SourceTabs(I18n i18n, P2pViewModel vm, Supplier<DemoGoroutine> selected) {
        this.i18n = i18n;
        this.vm = vm;
        this.selected = selected;
        for (CodePane p : List.of(blogEraCode, fixedCode)) {
            p.setEditable(false);
            p.setMinHeight(60);
        }
        blogEraCode.setId("p2pCodeBlogEra");
        fixedCode.setId("p2pCodeFixed");
        blogEraCode.setText(P2pViewModel.source(Version.BLOG_ERA));
        fixedCode.setText(P2pViewModel.source(Version.FIXED));
        Tab blogEraTab = new Tab();
        Tab fixedTab = new Tab();
        blogEraTab.setContent(blogEraCode);
        fixedTab.setContent(fixedCode);
        blogEraTab.setId("p2pTabBlogEra");
        fixedTab.setId("p2pTabFixed");
        blogEraTab.textProperty().bind(tabTitle(Version.BLOG_ERA));
        fixedTab.textProperty().bind(tabTitle(Version.FIXED));
        tabs.getTabs().setAll(blogEraTab, fixedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(fixedTab);
        vm.versionProperty().addListener((o, a, v) -> tabs.getSelectionModel().select(v == Version.BLOG_ERA ? blogEraTab : fixedTab));
        vm.markersProperty().addListener((o, a, m) -> showMarkers());
        vm.runProperty().addListener((o, a, m) -> showMarkers());
    }

    TabPane root() {
        return tabs;
    }

    void setLook(Palette p) {
        blogEraCode.setLook(p);
        fixedCode.setLook(p);
    }

    /** Puts the caret on {@code line} of the code that ran (the fixed code before any run), then reveals it. */
    void caretTo(int line) {
        CodePane p = vm.run() != null && vm.run().version() == Version.BLOG_ERA ? blogEraCode : fixedCode;
        p.positionCaret(line, 1);
        // the caret at the pane's edge: its line with some context
        Platform.runLater(this::revealGoroutine);
    }

    private ObservableValue<String> tabTitle(Version v) {
        return Bindings.createStringBinding(() -> (vm.versionProperty().get() == v ? "● " : "")
                + i18n.tr(v == Version.BLOG_ERA ? "p2p.version.blogera" : "p2p.version.fixed") + "  " + v.fileName(),
                vm.versionProperty(), i18n.localeProperty());
    }

    private void showMarkers() {
        CodePane ran = runCode();
        ran.setMarkers(vm.markersProperty().get());
        (ran == blogEraCode ? fixedCode : blogEraCode).setMarkers(Map.of());
        // after the goroutine list and its selection have followed the cursor too
        Platform.runLater(this::revealGoroutine);
    }

    /** The code pane of the version that ran. */
    private CodePane runCode() {
        P2pRun r = vm.run();
        Version v = r == null ? vm.versionProperty().get() : r.version();
        return v == Version.BLOG_ERA ? blogEraCode : fixedCode;
    }

    /**
     * Scrolls the code (if needed) so that the selected goroutine's line is in view, else the
     * running goroutine's, else the first marked line.
     */
    void revealGoroutine() {
        int line = lineToReveal();
        var area = runCode().area();
        if (line < 1 || line > area.getParagraphs().size()) return;
        try {
            int first = area.firstVisibleParToAllParIndex(), last = area.lastVisibleParToAllParIndex();
            // in view, a line of context above and below (the first and last may be cut): leave it
            if (line - 1 > first + 1 && line - 1 < last - 1) return;
        } catch (RuntimeException notLaidOut) {
            // no visible paragraphs yet
        }
        area.showParagraphAtCenter(line - 1);
    }

    /** The line {@link #revealGoroutine} shows (0: none). */
    int lineToReveal() {
        DemoGoroutine sel = selected.get();
        if (sel != null && sel.line() > 0) return sel.line();
        var markers = vm.markersProperty().get();
        if (markers == null || markers.isEmpty()) return 0;
        int first = Integer.MAX_VALUE;
        for (var e : markers.entrySet()) {
            for (var m : e.getValue()) {
                if (m.state() == CodeMarkers.State.RUNNING) return e.getKey();
            }
            first = Math.min(first, e.getKey());
        }
        return first == Integer.MAX_VALUE ? 0 : first;
    }
}
