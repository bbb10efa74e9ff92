package gmplab.ui.view;

import gmplab.ui.model.CodeMarkers;
import gmplab.ui.model.CodeMarkers.Marker;
import gmplab.ui.model.CompileError;
import gmplab.ui.model.GoSyntax;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The code pane: the Go source in an editable {@link CodeArea} with syntax
 * colouring ({@link GoSyntax}), a gutter with line numbers, a marker per
 * goroutine on the line where it is ({@link CodeMarkers}: coloured as on the
 * board, with a status icon) and compile errors at their line and column
 * (underlined, with a ✖ and the message in the gutter).
 */
public final class CodePane extends StackPane {
    /** Markers drawn per line before "+N". */
    static final int MAX_PER_LINE = 3;
    /** Width of the gutter's marker column (px): two markers and "+N". */
    static final double MARKER_AREA = 84;

    private final CodeArea area = new CodeArea();
    /**
     * The goroutines by line. The gutter's lines listen to it and rebuild only their own markers
     * when they change: while playing, re-creating every visible line's gutter each frame cost
     * more than the rest of the window (CSS and layout of new nodes).
     */
    private final ObjectProperty<Map<Integer, List<Marker>>> markers = new SimpleObjectProperty<>(Map.of());
    private Map<Integer, List<CompileError>> errors = Map.of();
    private Palette pal = Palette.LIGHT;
    private String lastText = "";

    public CodePane() {
        area.setId("codeArea");
        area.getStyleClass().add("code-area-go");
        area.setWrapText(false);
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        getChildren().add(scroll);
        area.textProperty().addListener((o, a, b) -> {
            if (!b.equals(lastText)) {
                lastText = b;
                // edits make the run's markers and errors stale: keep them on their lines, restyle
                restyle();
            }
        });
        area.setParagraphGraphicFactory(gutter());
        setMinSize(0, 0);
    }

    public CodeArea area() {
        return area;
    }

    public String getText() {
        return area.getText();
    }

    public void setText(String t) {
        lastText = t;
        area.replaceText(t);
        restyle();
        area.moveTo(0);
        area.requestFollowCaret();
        area.getUndoManager().forgetHistory();
    }

    public void setEditable(boolean b) {
        area.setEditable(b);
    }

    public boolean isEditable() {
        return area.isEditable();
    }

    /** Puts the caret at 1-based {@code line} and {@code col} and scrolls there. */
    public void positionCaret(int line, int col) {
        area.moveTo(GoSyntax.offset(area.getText(), line, col));
        area.requestFollowCaret();
    }

    /** 1-based line of the caret. */
    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }

    public void setLook(Palette p) {
        pal = p;
        refreshGutter();
    }

    /** Shows the goroutines of a snapshot (by line) in the gutter. */
    public void setMarkers(Map<Integer, List<Marker>> m) {
        if (m.equals(markers.get())) return;
        markers.set(m);
        if (!area.isFocused()) follow();
    }

    /** Scrolls so that the running goroutine's line (else the first marked line) is in view. */
    private void follow() {
        int line = -1;
        for (List<Marker> l : markers.get().values()) {
            for (Marker k : l) {
                if (k.state() == CodeMarkers.State.RUNNING) line = k.line();
            }
        }
        if (line < 0 && !markers.get().isEmpty()) line = markers.get().keySet().iterator().next();
        if (line < 1 || line > area.getParagraphs().size()) return;
        try {
            int first = area.firstVisibleParToAllParIndex(), last = area.lastVisibleParToAllParIndex();
            if (line - 1 >= first && line - 1 <= last) return;
        } catch (RuntimeException notLaidOut) {
            // no visible paragraphs yet
        }
        area.showParagraphInViewport(line - 1);
    }

    public Map<Integer, List<Marker>> markers() {
        return markers.get();
    }

    /** Shows compile errors at their line and column. */
    public void setErrors(Collection<CompileError> errs) {
        Map<Integer, List<CompileError>> by = new TreeMap<>();
        for (CompileError e : errs) by.computeIfAbsent(e.line(), k -> new ArrayList<>()).add(e);
        errors = by;
        restyle();
        refreshGutter();
    }

    private void refreshGutter() {
        area.setParagraphGraphicFactory(gutter());
    }

    private void restyle() {
        String text = area.getText();
        int n = text.length();
        String[] cls = new String[n];
        for (GoSyntax.Token t : GoSyntax.tokens(text)) for (int i = t.start(); i < t.end() && i < n; i++) cls[i] = t.kind().css;
        boolean[] err = new boolean[n];
        for (List<CompileError> l : errors.values()) {
            for (CompileError e : l) {
                int off = GoSyntax.offset(text, e.line(), e.col());
                int end = GoSyntax.wordEnd(text, off);
                for (int i = off; i < end; i++) err[i] = true;
            }
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        if (n == 0) {
            b.add(Collections.emptyList(), 0);
        } else {
            int start = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || !java.util.Objects.equals(cls[i], cls[start]) || err[i] != err[start]) {
                    b.add(styles(cls[start], err[start]), i - start);
                    start = i;
                }
            }
        }
        StyleSpans<Collection<String>> spans = b.create();
        area.setStyleSpans(0, spans);
    }

    private static Collection<String> styles(String cls, boolean err) {
        if (cls == null) return err ? List.of("error") : Collections.emptyList();
        return err ? List.of(cls, "error") : List.of(cls);
    }

    /** The gutter of paragraph {@code i}: line number, error mark, goroutine markers. */
    private IntFunction<Node> gutter() {
        int digits = Math.max(2, String.valueOf(Math.max(1, area.getParagraphs().size())).length());
        return i -> {
            int line = i + 1;
            Label num = new Label(String.format("%" + digits + "d", line));
            num.getStyleClass().add("line-number");
            Label err = new Label();
            err.getStyleClass().add("error-mark");
            err.setMinWidth(12);
            List<CompileError> es = errors.get(line);
            if (es != null) {
                err.setText("✖");
                err.setId("error-mark-" + line);
                err.setTooltip(new Tooltip(String.join("\n", es.stream().map(e -> e.line() + ":" + e.col() + ": " + e.message()).toList())));
            }
            HBox ms = new HBox(2);
            ms.getStyleClass().add("g-markers");
            ms.setAlignment(Pos.CENTER_LEFT);
            ms.setMinWidth(MARKER_AREA);
            ms.setPrefWidth(MARKER_AREA);
            fillMarkers(ms, markers.get().get(line));
            // the line follows the markers while it is shown (the listener lives as long as the node)
            ChangeListener<Map<Integer, List<Marker>>> follow = (o, was, now) -> fillMarkers(ms, now.get(line));
            ms.getProperties().put(ChangeListener.class, follow);
            markers.addListener(new WeakChangeListener<>(follow));
            HBox g = new HBox(4, num, err, ms);
            g.setAlignment(Pos.CENTER_LEFT);
            g.setPadding(new Insets(0, 4, 0, 2));
            g.getStyleClass().add("gutter");
            g.setUserData(line);
            g.setId("gutter-" + line);
            return g;
        };
    }

    /** Puts {@code here}'s markers (at most {@link #MAX_PER_LINE}, then "+N") into a line's marker box, if they changed. */
    private void fillMarkers(HBox ms, List<Marker> here) {
        List<Marker> now = here == null ? List.of() : here;
        if (now.equals(ms.getUserData())) return;
        ms.setUserData(now);
        ms.getChildren().clear();
        int shown = now.size() > MAX_PER_LINE ? MAX_PER_LINE - 1 : now.size();
        for (int k = 0; k < shown; k++) ms.getChildren().add(marker(now.get(k)));
        if (shown < now.size()) {
            Label more = new Label("+" + (now.size() - shown));
            more.getStyleClass().add("g-more");
            more.setTooltip(new Tooltip(String.join(" ", now.subList(shown, now.size()).stream()
                    .map(m -> "G" + m.goid() + " " + m.state().icon).toList())));
            ms.getChildren().add(more);
        }
    }

    private Node marker(Marker m) {
        Color c = pal.g(m.goid());
        Label l = new Label(m.state().icon + m.goid());
        l.setId("marker-G" + m.goid());
        l.getStyleClass().addAll("g-marker", m.state().name().toLowerCase(java.util.Locale.ROOT));
        l.setUserData(m);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setStyle("-fx-background-color: " + web(c) + "; -fx-text-fill: " + web(Palette.on(c)) + ";");
        l.setTooltip(new Tooltip("G" + m.goid() + " " + m.state().name().toLowerCase(java.util.Locale.ROOT)));
        return l;
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
