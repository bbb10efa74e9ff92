package gmplab.ui.p2p;

import gmplab.ui.i18n.I18n;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.SchedDetail;
import gmplab.ui.view.Palette;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The demo's goroutines by role (G chip, role, state, function and line). A goroutine picked
 * here is selected on the board and its line shown in the code; one picked on the board is
 * selected here; Enter or a double-click follows the selected goroutine to its next event.
 */
final class GoroutineList {
    private final I18n i18n;
    private final P2pViewModel vm;
    private final RunViewModel run;
    private final Supplier<Palette> palette;
    private final ListView<DemoGoroutine> list = new ListView<>();
    /** The list is being set from the board's selection (not the user's pick). */
    private boolean syncingSelection;

    /** {@code sources}: where a picked goroutine's line is shown; {@code palette}: the G chips' colours. */
    GoroutineList(P2pWidgets w, P2pViewModel vm, RunViewModel run, SourceTabs sources, Supplier<Palette> palette) {
        this.i18n = w.i18n();
        this.vm = vm;
        this.run = run;
        this.palette = palette;
        list.setId("p2pGoroutines");
        list.setItems(vm.goroutines());
        list.setPlaceholder(w.placeholder("p2p.goroutines.none"));
        list.setCellFactory(l -> new GoroutineCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g == null || syncingSelection) return;
            vm.select(g);
            if (g.line() > 0) sources.caretTo(g.line());
        });
        // double-click or Enter: follow that goroutine to its next event
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) vm.nextEventOf(selected());
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) vm.nextEventOf(selected());
        });
        list.setTooltip(w.tip("p2p.goroutines.tip"));
        // the board's selection is shown in the list (a G picked on the board)
        run.selectionProperty().addListener((o, a, s) -> syncSelection());
        vm.goroutines().addListener((ListChangeListener<DemoGoroutine>) c -> syncSelection());
    }

    ListView<DemoGoroutine> view() {
        return list;
    }

    /** The selected goroutine, or null. */
    DemoGoroutine selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** Row height for the look (presenter mode: larger). */
    void setLook(boolean big) {
        list.setFixedCellSize(big ? 27 : 22);
        list.refresh();
    }

    /** Selects the accept loop (the start-up screenshot), if the demo has one. */
    void selectAcceptLoop() {
        for (DemoGoroutine g : vm.goroutines()) {
            if (g.role() == DemoGoroutine.Role.ACCEPT_LOOP) {
                list.getSelectionModel().select(g);
                return;
            }
        }
    }

    private void syncSelection() {
        SchedDetail.Selection s = run.selectionProperty().get();
        syncingSelection = true;
        try {
            if (s == null || s.kind() != SchedDetail.Kind.G) {
                list.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < vm.goroutines().size(); i++) {
                if (vm.goroutines().get(i).goid() == s.id()) {
                    list.getSelectionModel().select(i);
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncingSelection = false;
        }
    }

    private String stateText(DemoGoroutine g) {
        String st = i18n.tr("p2p.gstate." + g.status().name().toLowerCase(Locale.ROOT));
        if (g.waitReason().isEmpty()) return st;
        return st + " (" + g.waitReason() + (g.waitingOn().isEmpty() ? "" : ": " + g.waitingOn()) + ")";
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    /** A goroutine's row: its G chip in the board's colour, role, state, and function with line. */
    private final class GoroutineCell extends ListCell<DemoGoroutine> {
        GoroutineCell() {
            // no horizontal scroll bar taking a row: a long function name is cut (the tooltip has it)
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(DemoGoroutine g, boolean empty) {
            super.updateItem(g, empty);
            getStyleClass().removeAll("role-accept_loop", "role-stream_handler", "role-copy", "role-request", "role-main", "role-network", "role-other");
            if (empty || g == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            getStyleClass().add("role-" + g.role().name().toLowerCase(Locale.ROOT));
            Label chip = new Label("G" + g.goid());
            chip.getStyleClass().add("g-chip");
            Color c = palette.get().g(g.goid());
            chip.setStyle("-fx-background-color: " + web(c) + "; -fx-text-fill: " + web(Palette.on(c)) + ";");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            Label role = new Label(i18n.tr(g.role().key()));
            role.getStyleClass().add("g-role");
            role.setMinWidth(Region.USE_PREF_SIZE);
            Label state = new Label(stateText(g));
            state.getStyleClass().addAll("g-state", g.status().name().toLowerCase(Locale.ROOT));
            state.setMinWidth(Region.USE_PREF_SIZE);
            Label fn = new Label(g.shortFunction() + (g.line() > 0 ? "  :" + g.line() : ""));
            fn.getStyleClass().add("g-func");
            fn.setMinWidth(0);
            fn.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            HBox box = new HBox(6, chip, role, state, fn);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
            setTooltip(new Tooltip(g.function() + (g.waitingOn().isEmpty() ? "" : "\n" + g.waitReason() + ": " + g.waitingOn())));
        }
    }
}
