package gmplab.ui.p2p;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.Registries;
import gmplab.ui.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The listener and stream registries ({@code p2p ls -v}, {@code p2p stream ls -v}) as tables
 * with kubo's columns for the version shown, under a title row with the node's listen
 * addresses; each table as tall as its rows, up to {@link P2pDock#TABLE_ROWS}.
 */
final class RegistryTables {
    private final P2pWidgets w;
    private final I18n i18n;
    private final P2pViewModel vm;
    private final TableView<Registries.Listener> listenerTable = new TableView<>();
    private final TableView<Registries.Stream> streamTable = new TableView<>();
    private final VBox root = new VBox(1);

    RegistryTables(P2pWidgets w, P2pViewModel vm, BooleanExpression presenter) {
        this.w = w;
        this.i18n = w.i18n();
        this.vm = vm;
        TextField addrs = P2pWidgets.readOnly("p2pListenAddrs");
        addrs.textProperty().bind(Bindings.createStringBinding(() -> String.join("  ", vm.listenAddrs()), vm.listenAddrs()));
        addrs.tooltipProperty().set(new Tooltip());
        addrs.getTooltip().textProperty().bind(addrs.textProperty());
        // beside the listener registry's title (a row of its own would take the code's room)
        HBox addrRow = new HBox(6, w.label("p2p.listenAddrs"), addrs);
        HBox.setHgrow(addrs, Priority.ALWAYS);
        HBox.setHgrow(addrRow, Priority.ALWAYS);
        addrRow.setAlignment(Pos.CENTER_LEFT);
        addrRow.setMinWidth(0);
        addrs.setMinWidth(60);
        addrRow.getStyleClass().add("p2p-controls");
        // the addresses are for the teacher's terminal, not for the class
        addrRow.visibleProperty().bind(presenter.not());
        addrRow.managedProperty().bind(presenter.not());

        buildListenerTable();
        buildStreamTable();
        HBox listenersHead = new HBox(12, w.label("p2p.listeners"), addrRow);
        listenersHead.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().setAll(listenersHead, listenerTable, w.label("p2p.streams"), streamTable);
        root.setId("p2pRegistries");
        VBox.setVgrow(listenerTable, Priority.ALWAYS);
        VBox.setVgrow(streamTable, Priority.ALWAYS);
        root.setMinHeight(0);
    }

    VBox root() {
        return root;
    }

    /** Closes the selected stream (none selected: the first). */
    void closeSelectedStream() {
        Registries.Stream s = streamTable.getSelectionModel().getSelectedItem();
        if (s == null && !vm.streams().isEmpty()) s = vm.streams().get(0);
        if (s != null) vm.streamClose(s.id());
    }

    /** Row heights for the look (presenter mode: larger). */
    void setLook(boolean big) {
        listenerTable.setFixedCellSize(big ? 24 : 20);
        streamTable.setFixedCellSize(big ? 24 : 20);
    }

    /** The tables as tall as their rows (at least one: the placeholder). */
    void fitHeights(boolean big) {
        for (TableView<?> t : List.of(listenerTable, streamTable)) {
            double header = t.lookup(".column-header-background") instanceof Region r && r.getHeight() > 0 ? r.getHeight()
                    : (big ? 30 : 25);
            int rows = Math.max(1, Math.min(P2pDock.TABLE_ROWS, t.getItems().size()));
            double insets = t.snappedTopInset() + t.snappedBottomInset();
            t.setPrefHeight(Math.ceil(header + rows * t.getFixedCellSize() + insets + 2));
        }
    }

    private void buildListenerTable() {
        listenerTable.setId("p2pListenerTable");
        listenerTable.setItems(vm.listeners());
        listenerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Registries.Listener, String> running = column("p2pColRunning", "p2p.col.running", Registries.Listener::running);
        listenerTable.getColumns().setAll(List.of(
                column("p2pColProtocol", "p2p.col.protocol", Registries.Listener::protocol),
                column("p2pColListen", "p2p.col.listenAddress", Registries.Listener::listenAddress),
                column("p2pColTarget", "p2p.col.targetAddress", Registries.Listener::targetAddress),
                running));
        running.visibleProperty().bind(Bindings.equal(vm.versionProperty(), Version.BLOG_ERA));
        running.setMaxWidth(90);
        listenerTable.setPlaceholder(w.placeholder("p2p.listeners.none"));
        listenerTable.setMinHeight(0);
        listenerTable.setFixedCellSize(22);
    }

    private void buildStreamTable() {
        streamTable.setId("p2pStreamTable");
        streamTable.setItems(vm.streams());
        streamTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Registries.Stream, String> id = column("p2pColId", null, Registries.Stream::id);
        id.setMaxWidth(90);
        TableColumn<Registries.Stream, String> origin = column("p2pColOrigin", null, Registries.Stream::origin);
        TableColumn<Registries.Stream, String> target = column("p2pColTargetStream", null, Registries.Stream::target);
        var blog = Bindings.equal(vm.versionProperty(), Version.BLOG_ERA);
        id.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(blog.get() ? "p2p.col.handlerId" : "p2p.col.id"), blog, i18n.localeProperty()));
        origin.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(blog.get() ? "p2p.col.local" : "p2p.col.origin"), blog, i18n.localeProperty()));
        target.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(blog.get() ? "p2p.col.remote" : "p2p.col.target"), blog, i18n.localeProperty()));
        streamTable.getColumns().setAll(List.of(id, column("p2pColStreamProtocol", "p2p.col.protocol", Registries.Stream::protocol), origin, target));
        streamTable.setPlaceholder(w.placeholder("p2p.streams.none"));
        streamTable.setMinHeight(0);
        streamTable.setFixedCellSize(22);
    }

    private <T> TableColumn<T, String> column(String id, String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.setId(id);
        if (key != null) c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        // multiaddrs are long: the whole value in a tooltip
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }
}
