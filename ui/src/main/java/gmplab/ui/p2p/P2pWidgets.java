package gmplab.ui.p2p;

import gmplab.p2p.demo.P2pAction;
import gmplab.ui.i18n.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The P2P pane's small pieces in the user's language: labels, placeholders, tooltips,
 * buttons and toggles (disabled while the node is busy), read-only address fields, and an
 * action's description.
 */
final class P2pWidgets {
    private final I18n i18n;
    private final P2pViewModel vm;

    P2pWidgets(I18n i18n, P2pViewModel vm) {
        this.i18n = i18n;
        this.vm = vm;
    }

    I18n i18n() {
        return i18n;
    }

    Button button(String id, String key, String tipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        if (tipKey != null) b.setTooltip(tip(tipKey));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(vm.busyProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    ToggleButton toggle(String id, String key, String tipKey, ToggleGroup g) {
        ToggleButton t = new ToggleButton();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        t.setTooltip(tip(tipKey));
        t.setToggleGroup(g);
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.disableProperty().bind(vm.busyProperty());
        return t;
    }

    Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("p2p-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    Label placeholder(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("p2p-placeholder");
        l.setWrapText(true);
        return l;
    }

    static TextField readOnly(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setEditable(false);
        t.getStyleClass().add("p2p-address");
        t.setFocusTraversable(false);
        return t;
    }

    /** An action in the user's language. */
    String describe(P2pAction a) {
        if (a instanceof P2pAction.Command c) return "p2p " + c.line();
        if (a instanceof P2pAction.OpenStream o) return i18n.tr("p2p.action.openStream", peerName(o.peer()), o.protocol());
        if (a instanceof P2pAction.Connect c) return i18n.tr("p2p.action.connect", c.addr());
        if (a instanceof P2pAction.CloseWrite w) return i18n.tr("p2p.action.closeWrite", w.name());
        return a.describe();
    }

    private String peerName(String peer) {
        int i = vm.peers().indexOf(peer);
        String letter = i < 0 ? "?" : String.valueOf((char) ('B' + i));
        return letter + " (" + P2pAction.shortId(peer) + ")";
    }
}
