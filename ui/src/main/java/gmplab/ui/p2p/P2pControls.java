package gmplab.ui.p2p;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.Message;
import gmplab.ui.p2p.P2pViewModel.Backend;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rows above the code: the title bar (version and back-end toggles, busy, close), the real
 * daemon's API address with refresh and auto-refresh, the buttons for what the user and the
 * peers do, and the jumps between actions with where the cursor is and any problem.
 */
final class P2pControls {
    private final I18n i18n;
    private final P2pWidgets w;
    private final P2pViewModel vm;
    private final CheckBox autoRefresh = new CheckBox();
    private final ComboBox<String> endChoice = new ComboBox<>();
    private final List<Node> rows;

    /** {@code close}: the pane's close button; {@code closeStream}: the "stream close" button. */
    P2pControls(P2pWidgets w, P2pViewModel vm, BooleanExpression presenter, Runnable close, Runnable closeStream) {
        this.i18n = w.i18n();
        this.w = w;
        this.vm = vm;
        HBox bar = titleBar(presenter, close);
        HBox apiRow = apiRow();
        FlowPane doButtons = doButtons(closeStream);
        HBox jumpRow = jumpRow();
        rows = List.of(bar, apiRow, doButtons, jumpRow);
        // the controls are for the teacher: in presenter mode they stay small, the code and the tables grow
        for (Node n : rows) n.getStyleClass().add("p2p-controls");
    }

    /** The rows, top to bottom. */
    List<Node> rows() {
        return rows;
    }

    boolean autoRefreshOn() {
        return autoRefresh.isSelected();
    }

    private HBox titleBar(BooleanExpression presenter, Runnable close) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("p2p.title"));
        title.getStyleClass().add("pane-title");
        title.visibleProperty().bind(presenter.not());
        title.managedProperty().bind(presenter.not());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("p2pBusy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        Button closeButton = new Button("✕");
        closeButton.setId("p2pClose");
        closeButton.setTooltip(w.tip("p2p.menu.close"));
        closeButton.setFocusTraversable(false);
        closeButton.setOnAction(e -> close.run());

        ToggleGroup versions = new ToggleGroup();
        ToggleButton blogEra = w.toggle("p2pBlogEra", "p2p.version.blogera", "p2p.version.blogera.tip", versions);
        ToggleButton fixed = w.toggle("p2pFixed", "p2p.version.fixed", "p2p.version.fixed.tip", versions);
        ToggleGroup backends = new ToggleGroup();
        ToggleButton simulated = w.toggle("p2pSimulated", "p2p.backend.simulated", "p2p.backend.simulated.tip", backends);
        ToggleButton real = w.toggle("p2pReal", "p2p.backend.real", "p2p.backend.real.tip", backends);
        syncToggle(versions, blogEra, fixed, vm.versionProperty(), Version.BLOG_ERA, vm::setVersion, Version.FIXED);
        syncToggle(backends, simulated, real, vm.backendProperty(), Backend.SIMULATED, vm::setBackend, Backend.REAL);
        HBox bar = new HBox(6, title, spacer(4), w.label("p2p.version"), segment(blogEra, fixed), spacer(4),
                w.label("p2p.backend"), segment(simulated, real), grow(), busy, closeButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The real daemon's API address (for a terminal's {@code ./gmplab p2p ls -v}), refresh and auto-refresh. */
    private HBox apiRow() {
        Button refresh = w.button("p2pRefresh", "p2p.refresh", "p2p.refresh.tip", vm::refresh);
        autoRefresh.setId("p2pAutoRefresh");
        autoRefresh.textProperty().bind(i18n.bind("p2p.autoRefresh"));
        autoRefresh.setSelected(true);
        var isReal = Bindings.notEqual(vm.backendProperty(), Backend.SIMULATED);
        for (Node n : List.of(refresh, autoRefresh)) {
            n.visibleProperty().bind(isReal);
            n.managedProperty().bind(isReal);
        }
        TextField api = P2pWidgets.readOnly("p2pApiAddress");
        api.textProperty().bind(Bindings.createStringBinding(() -> vm.apiAddressProperty().get().isEmpty() ? ""
                : vm.apiAddressProperty().get() + "   ⟶  ./gmplab p2p ls -v", vm.apiAddressProperty()));
        HBox apiRow = new HBox(6, w.label("p2p.api"), api, refresh, autoRefresh);
        HBox.setHgrow(api, Priority.ALWAYS);
        apiRow.setAlignment(Pos.CENTER_LEFT);
        var hasApi = Bindings.isNotEmpty(vm.apiAddressProperty());
        apiRow.visibleProperty().bind(hasApi);
        apiRow.managedProperty().bind(hasApi);
        return apiRow;
    }

    /** What the user and the peers do. */
    private FlowPane doButtons(Runnable closeStream) {
        Button listen = w.button("p2pListen", "p2p.do.listen", "p2p.do.listen.tip", vm::listenEcho);
        Button forward = w.button("p2pForward", "p2p.do.forward", "p2p.do.forward.tip", vm::forwardToPeer);
        Button peerB = w.button("p2pPeerB", "p2p.do.peerB", "p2p.do.peerB.tip", () -> vm.openStream(0));
        Button peerC = w.button("p2pPeerC", "p2p.do.peerC", "p2p.do.peerC.tip", () -> vm.openStream(1));
        peerC.disableProperty().bind(vm.busyProperty().or(Bindings.size(vm.peers()).lessThan(2)));
        Button connect = w.button("p2pConnect", "p2p.do.connect", "p2p.do.connect.tip", vm::connectApp);
        // a daemon watched through its journal takes commands only: its peers and applications are out there
        var journal = Bindings.equal(vm.backendProperty(), Backend.JOURNAL);
        for (Button b : List.of(forward, peerB, connect)) {
            b.disableProperty().unbind();
            b.disableProperty().bind(b == connect ? vm.busyProperty().or(journal)
                    : vm.busyProperty().or(journal).or(Bindings.isEmpty(vm.peers())));
        }
        endChoice.setId("p2pEndChoice");
        endChoice.setItems(vm.ends());
        vm.ends().addListener((ListChangeListener<String>) c -> Platform.runLater(() -> {
            // the newest end, unless the user picked one that still exists (after the combo box handled the change)
            if (!vm.ends().isEmpty() && !vm.ends().contains(endChoice.getValue())) endChoice.setValue(vm.ends().get(vm.ends().size() - 1));
        }));
        Button closeSide = w.button("p2pCloseSide", "p2p.do.closeSide", "p2p.do.closeSide.tip", () -> vm.closeSide(endChoice.getValue()));
        closeSide.disableProperty().bind(vm.busyProperty().or(endChoice.valueProperty().isNull()).or(journal));
        Button closeP = w.button("p2pCloseListener", "p2p.do.closeListener", "p2p.do.closeListener.tip", vm::closeListener);
        Button closeA = w.button("p2pCloseAll", "p2p.do.closeAll", "p2p.do.closeAll.tip", vm::closeAll);
        Button streamClose = w.button("p2pStreamClose", "p2p.do.streamClose", "p2p.do.streamClose.tip", closeStream);
        streamClose.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.streams())));
        HBox sideBox = new HBox(2, endChoice, closeSide);
        sideBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane doButtons = new FlowPane(4, 3, listen, forward, peerB, peerC, connect, sideBox, closeP, closeA, streamClose);
        doButtons.setId("p2pButtons");
        doButtons.getStyleClass().add("p2p-buttons");
        return doButtons;
    }

    /** Previous / next action, where the cursor is, and the status line when there is a problem. */
    private HBox jumpRow() {
        Button prev = w.button("p2pPrevAction", "p2p.prevAction", "p2p.prevAction.tip", vm::previousAction);
        prev.disableProperty().bind(vm.canPrevActionProperty().not());
        Button next = w.button("p2pNextAction", "p2p.nextAction", "p2p.nextAction.tip", vm::nextAction);
        next.disableProperty().bind(vm.canNextActionProperty().not());
        Label where = new Label();
        where.setId("p2pWhere");
        where.getStyleClass().add("p2p-where");
        where.textProperty().bind(Bindings.createStringBinding(this::whereText, vm.actionAtCursorProperty(), vm.actions(),
                vm.shownProperty(), i18n.localeProperty()));
        HBox jumpRow = new HBox(6, prev, next, where);
        where.setMinWidth(0);
        jumpRow.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("p2pStatus");
        status.getStyleClass().add("p2p-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            Message err = vm.errorProperty().get();
            if (err != null) return i18n.tr(err.key(), err.args());
            Message m = vm.statusProperty().get();
            return m == null ? "" : i18n.tr(m.key(), m.args());
        }, vm.errorProperty(), vm.statusProperty(), i18n.localeProperty()));
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setAlignment(Pos.CENTER_RIGHT);
        vm.errorProperty().addListener((o, a, b) -> {
            if (b != null) status.getStyleClass().add("error");
            else status.getStyleClass().remove("error");
        });
        status.tooltipProperty().set(new Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());
        // the status line takes the row only for a problem; otherwise it is the tooltip of "where"
        var problem = vm.errorProperty().isNotNull();
        status.visibleProperty().bind(problem);
        status.managedProperty().bind(problem);
        where.setTooltip(status.getTooltip());
        jumpRow.getChildren().add(status);
        return jumpRow;
    }

    private String whereText() {
        if (vm.run() == null) return "";
        if (!vm.shownProperty().get()) return i18n.tr("p2p.where.notShown");
        int k = vm.actionAtCursorProperty().get();
        int n = vm.actions().size();
        if (k < 0) return i18n.tr("p2p.where.start", n);
        return i18n.tr("p2p.where.action", k + 1, n, k < n ? w.describe(vm.actions().get(k)) : "");
    }

    /** Keeps a two-button toggle group and a view-model property in step (a click on the selected one does nothing). */
    private static <T> void syncToggle(ToggleGroup g, ToggleButton first, ToggleButton second, ObservableValue<T> prop, T firstValue,
                                       Consumer<T> set, T secondValue) {
        Supplier<ToggleButton> shown = () -> prop.getValue() == firstValue ? first : second;
        Runnable show = () -> g.selectToggle(shown.get());
        show.run();
        prop.addListener((o, a, b) -> show.run());
        g.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                show.run();
                return;
            }
            if (b == shown.get()) return; // already what the property says (e.g. the second also stands for a third value)
            set.accept(b == first ? firstValue : secondValue);
        });
    }

    private static HBox segment(ToggleButton a, ToggleButton b) {
        a.getStyleClass().add("left-pill");
        b.getStyleClass().add("right-pill");
        HBox h = new HBox(0, a, b);
        h.getStyleClass().add("segmented");
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Region spacer(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        return r;
    }
}
