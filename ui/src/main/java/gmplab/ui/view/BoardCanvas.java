package gmplab.ui.view;

import gmplab.runtime.PStatus;
import gmplab.runtime.Snapshot.MView;
import gmplab.runtime.Snapshot.PView;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.BoardModel;
import gmplab.ui.model.SchedDetail.Kind;
import gmplab.ui.model.SchedDetail.Selection;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The G/M/P board, drawn on a Canvas: a card per P (its M, the G running,
 * {@code runnext} and the 256-slot ring), the global queue, Ms in syscalls
 * with the P they left in {@code _Psyscall}, the idle-M pool, spinning Ms,
 * sysmon, and parked Gs grouped by what they wait on. Click to inspect.
 */
public final class BoardCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private final I18n i18n;
    private BoardModel model;
    private Palette pal = Palette.LIGHT;
    /** The look's scale (presenter mode: larger). */
    private double lookScale = 1;
    /** The scale drawn at: the look's, or less (never below 1) so a larger look still shows everything. */
    private double scale = 1;
    /** The scale and parked-G layout that fitted so far; they only shrink until {@link #refit()}. */
    private double fitScale = 1;
    private boolean compactParked;
    /** The parked groups the last draw showed, and how many there were. */
    private int parkedShown;
    private int parkedGroups;
    private String fontFamily = "System";
    private Selection selected;
    private final List<Hit> hits = new ArrayList<>();
    private Consumer<Selection> onSelect = s -> { };
    private long lastDrawNanos;

    /** Where each G was drawn last (x, y, size): the start of its move when the next step animates. */
    private Map<Long, double[]> placed = new HashMap<>();
    /** Gs flying between places: drawn interpolated on top, not at their destination. */
    private Map<Long, double[][]> moving = Map.of();
    private double moveT;
    private AnimationTimer anim;
    /** How long a move takes (ms). */
    public static final double MOVE_MS = 200;

    /** The ring is drawn as 16×16 slots, or 8×32 when the cards are narrow; head first. */
    private int ringCols = 16;

    private record Hit(double x, double y, double w, double h, Selection sel) { }

    public BoardCanvas(I18n i18n) {
        this.i18n = i18n;
        setId("board");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> refit());
        canvas.heightProperty().addListener(o -> refit());
        setMinSize(200, 200);
        canvas.setOnMouseClicked(e -> {
            for (int i = hits.size() - 1; i >= 0; i--) {
                Hit h = hits.get(i);
                if (e.getX() >= h.x && e.getX() <= h.x + h.w && e.getY() >= h.y && e.getY() <= h.y + h.h) {
                    onSelect.accept(h.sel);
                    return;
                }
            }
        });
    }

    public Canvas canvas() {
        return canvas;
    }

    public void setOnSelect(Consumer<Selection> c) {
        onSelect = c;
    }

    public void setModel(BoardModel m) {
        setModel(m, false);
    }

    /**
     * Shows {@code m}; with {@code animate}, each G that changed place since the last
     * board moves from its old place to its new one over {@link #MOVE_MS} ms.
     */
    public void setModel(BoardModel m, boolean animate) {
        stopMoving();
        Map<Long, double[]> before = placed;
        model = m;
        draw();
        setAccessibleText(describe(m));
        if (!animate || before.isEmpty()) return;
        Map<Long, double[][]> mv = new HashMap<>();
        for (Map.Entry<Long, double[]> e : placed.entrySet()) {
            double[] from = before.get(e.getKey()), to = e.getValue();
            if (from != null && (Math.abs(from[0] - to[0]) > 0.5 || Math.abs(from[1] - to[1]) > 0.5)) {
                mv.put(e.getKey(), new double[][]{from, to});
            }
            if (mv.size() > 64) return; // a big reshuffle (e.g. a batch steal): no point animating each
        }
        if (mv.isEmpty()) return;
        moving = mv;
        moveT = 0;
        long[] start = {0};
        anim = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (start[0] == 0) start[0] = now;
                moveT = Math.min(1, (now - start[0]) / (MOVE_MS * 1e6));
                if (moveT >= 1) {
                    stopMoving();
                    draw();
                } else {
                    draw();
                }
            }
        };
        draw();
        anim.start();
    }

    private void stopMoving() {
        if (anim != null) anim.stop();
        anim = null;
        moving = Map.of();
    }

    /** The Gs moving right now (goid → {from, to} as x, y, size), empty when still. For tests. */
    public Map<Long, double[][]> moving() {
        return moving;
    }

    /** A text summary of the board (the accessible text; tests read it too). */
    public static String describe(BoardModel m) {
        if (m == null) return "";
        StringBuilder b = new StringBuilder();
        for (BoardModel.PCard c : m.ps()) {
            b.append("P").append(c.p().id()).append(' ').append(c.p().status())
                    .append(c.m() != null ? " M" + c.m().id() : " noM")
                    .append(c.running() >= 0 ? " running G" + c.running() : "")
                    .append(c.p().runnext() >= 0 ? " runnext G" + c.p().runnext() : "")
                    .append(" runq ").append(c.p().runq().length).append("; ");
        }
        b.append("global ").append(m.snap().globalRunq().length).append("; ");
        for (MView mv : m.syscallMs()) b.append("syscall M").append(mv.id()).append(" oldp P").append(mv.oldp()).append("; ");
        b.append("idle Ms ").append(m.idleMs().size()).append("; spinning ").append(m.spinningMs().size()).append("; ");
        m.parked().forEach((k, v) -> b.append("parked ").append(k).append(' ').append(v.size()).append("; "));
        return b.toString();
    }

    public void setSelected(Selection s) {
        selected = s;
        draw();
    }

    public void setLook(Palette p, double scale, String fontFamily) {
        this.pal = p;
        this.lookScale = scale;
        this.fontFamily = fontFamily;
        refit();
    }

    /**
     * Starts fitting afresh (a new run, a new size or look): the board is drawn at the look's
     * scale again and shrinks only as far as a later state needs, so it does not zoom in and
     * out from one event to the next.
     */
    public void refit() {
        fitScale = lookScale;
        compactParked = false;
        draw();
    }

    /** The scale the board is drawn at now (for tests). */
    public double drawnScale() {
        return scale;
    }

    /** How many groups of parked Gs the last draw showed in full, of how many (for tests). */
    public int[] parkedGroupsShown() {
        return new int[]{parkedShown, parkedGroups};
    }

    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    private Font font(double size, boolean bold) {
        return Font.font(fontFamily, bold ? FontWeight.BOLD : FontWeight.NORMAL, size * scale);
    }

    /**
     * Redraws everything (cheap enough to do per frame even with 10,000 goroutines). When the
     * state does not fit, the parked Gs flow as chips, then a larger look (presenter mode)
     * shrinks towards the normal one.
     */
    public void draw() {
        long t0 = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        scale = fitScale;
        double need = paint(gc, w, h);
        if (need > h && !compactParked) {
            compactParked = true;
            need = paint(gc, w, h);
        }
        double min = Math.min(lookScale, 1);
        // not quite proportional (the ring takes what the height leaves): a few steps
        for (int i = 0; i < 8 && need > h && scale > min; i++) {
            scale = Math.max(min, scale * Math.min(0.97, h / need));
            need = paint(gc, w, h);
        }
        fitScale = scale;
        if (model != null) drawMoving(gc);
        lastDrawNanos = System.nanoTime() - t0;
    }

    /** Paints the board at {@link #scale}; returns the height it needs (more than drawn when it does not fit). */
    private double paint(GraphicsContext gc, double w, double h) {
        hits.clear();
        Map<Long, double[]> at = new HashMap<>(Math.max(16, placed.size() * 2));
        placed = at;
        gc.setFill(pal.bg());
        gc.fillRect(0, 0, w, h);
        parkedShown = 0;
        parkedGroups = 0;
        if (model == null) return 0;
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        double s = scale, m = 8 * s;
        double y = m;
        var snap = model.snap();
        gc.setFill(pal.muted());
        gc.setFont(font(11, false));
        gc.fillText(i18n.tr("board.counters", snap.gomaxprocs(), snap.npidle(), snap.mcount(), snap.nmidle(),
                snap.nmspinning(), snap.globalRunq().length, model.liveGs()), m, y);
        y += 18 * s;

        // P cards
        int n = model.ps().size();
        int perRow = Math.max(1, Math.min(n, (int) ((w - m) / (120 * s + m))));
        double cardW = Math.min(320 * s, (w - m - perRow * m) / perRow);
        ringCols = (cardW - 16 * s) / 16 >= 6 * s ? 16 : 32;
        double cell = Math.max(2, Math.min(10 * s, (cardW - 16 * s) / ringCols));
        int rowsPerCard = (n + perRow - 1) / perRow;
        // a state that does not fit gets a flatter ring (mostly empty slots) before a smaller scale
        double maxRingH = Math.max(32, (h * (compactParked ? 0.2 : 0.42)) / rowsPerCard - 90 * s);
        if (cell * BoardModel.RING / ringCols > maxRingH) {
            ringCols = 32;
            cell = Math.max(2, Math.min(cell, Math.min((cardW - 16 * s) / 32, maxRingH / 8)));
        }
        double cardH = 0;
        for (int i = 0; i < n; i++) {
            int col = i % perRow;
            if (col == 0 && i > 0) y += cardH + m;
            double x = m + col * (cardW + m);
            cardH = drawP(gc, model.ps().get(i), x, y, cardW, cell);
        }
        y += cardH + m;

        // global queue
        y = drawQueue(gc, i18n.tr("board.globalQueue", snap.globalRunq().length), snap.globalRunq(), m, y, w - 2 * m, 2);

        // Ms
        double x = m;
        double rowH = 40 * s;
        gc.setFont(font(11, true));
        gc.setFill(pal.text());
        if (!model.syscallMs().isEmpty()) {
            x = label(gc, i18n.tr("board.syscalls"), x, y + 12 * s);
            for (MView mv : model.syscallMs()) {
                x = mBox(gc, mv, x, y, mv.oldp() >= 0 ? i18n.tr("board.psyscall", mv.oldp()) : i18n.tr("board.noP")) + m;
            }
            x += m;
        }
        if (!model.spinningMs().isEmpty()) {
            x = label(gc, i18n.tr("board.spinning"), x, y + 12 * s);
            for (MView mv : model.spinningMs()) x = mBox(gc, mv, x, y, mv.p() >= 0 ? "P" + mv.p() : i18n.tr("board.noP")) + m;
            x += m;
        }
        x = label(gc, i18n.tr("board.idleMs", model.idleMs().size()), x, y + 12 * s);
        if (model.idleMs().isEmpty()) x += 4 * s;
        for (MView mv : model.idleMs()) x = mBox(gc, mv, x, y, i18n.tr("board.parked")) + m / 2;
        x += m;
        for (MView mv : model.otherMs()) x = mBox(gc, mv, x, y, mv.state().toLowerCase()) + m / 2;
        if (model.sysmon() != null) {
            x += m;
            x = label(gc, "sysmon", x, y + 12 * s);
            mBox(gc, model.sysmon(), x, y, snap.sysmonDeepSleep() ? i18n.tr("board.deepSleep") : i18n.tr("board.awake"));
        }
        y += rowH + m;

        // parked goroutines grouped by what they wait on
        gc.setFont(font(11, true));
        gc.setFill(pal.text());
        gc.fillText(i18n.tr("board.parkedGs", model.parked().values().stream().mapToInt(List::size).sum()), m, y);
        y += 16 * s;
        parkedGroups = model.parked().size();
        return compactParked ? parkedChips(gc, m, y, w - 2 * m, h) : parkedRows(gc, m, y, w - 2 * m, h);
    }

    /** The parked groups one under the other, a title over each row of Gs; returns the height needed. */
    private double parkedRows(GraphicsContext gc, double x, double y, double w, double h) {
        for (Map.Entry<String, List<Long>> g : model.parked().entrySet()) {
            if (y > h - 12 * scale) {
                y += queueShape(g.getValue().size(), w, 3).height(); // below the edge: measured, not drawn
                continue;
            }
            long[] ids = g.getValue().stream().mapToLong(Long::longValue).toArray();
            y = drawQueue(gc, g.getKey() + " (" + ids.length + ")", ids, x, y, w, 3);
            if (y <= h) parkedShown++;
        }
        return y;
    }

    /**
     * The parked groups as chips flowing left to right ("IO wait: stream 1 read (1) G10"), for
     * a state that does not fit otherwise; a group too long for a chip gets rows of its own.
     */
    private double parkedChips(GraphicsContext gc, double x0, double y, double w, double h) {
        double s = scale, dot = 22 * s, lineH = dot + 4 * s, gap = 12 * s;
        double x = x0;
        for (Map.Entry<String, List<Long>> g : model.parked().entrySet()) {
            List<Long> ids = g.getValue();
            String title = g.getKey() + " (" + ids.size() + ")";
            double tw = textWidth(title, 10, false);
            double chipW = tw + 4 * s + ids.size() * dot;
            if (chipW > w) { // its own rows
                if (x > x0) y += lineH;
                x = x0;
                long[] arr = ids.stream().mapToLong(Long::longValue).toArray();
                double next = y > h ? y + queueShape(arr.length, w, 3).height() : drawQueue(gc, title, arr, x0, y, w, 3);
                if (next <= h) parkedShown++;
                y = next;
                continue;
            }
            if (x > x0 && x + chipW > x0 + w) {
                x = x0;
                y += lineH;
            }
            if (y + lineH <= h) {
                gc.setFill(pal.text());
                gc.setFont(font(10, false));
                gc.setTextBaseline(VPos.CENTER);
                gc.fillText(title, x, y + dot / 2);
                gc.setTextBaseline(VPos.TOP);
                double dx = x + tw + 4 * s;
                for (long id : ids) {
                    gDot(gc, id, dx, y, dot - 2, true);
                    dx += dot;
                }
                parkedShown++;
            }
            x += chipW + gap;
        }
        return x > x0 ? y + lineH : y;
    }
    /** The moving Gs, on top, between where they were and where they are (ease in-out). */
    private void drawMoving(GraphicsContext gc) {
        if (moving.isEmpty()) return;
        double t = moveT < 0.5 ? 2 * moveT * moveT : 1 - Math.pow(-2 * moveT + 2, 2) / 2;
        Map<Long, double[][]> mv = moving;
        moving = Map.of();
        for (Map.Entry<Long, double[][]> e : mv.entrySet()) {
            double[] a = e.getValue()[0], b = e.getValue()[1];
            double size = Math.max(14 * scale, a[2] + (b[2] - a[2]) * t);
            double x = a[0] + (b[0] - a[0]) * t + (b[2] - size) / 2 * t + (a[2] - size) / 2 * (1 - t);
            double y = a[1] + (b[1] - a[1]) * t + (b[2] - size) / 2 * t + (a[2] - size) / 2 * (1 - t);
            gc.setGlobalAlpha(0.35);
            gc.setStroke(pal.g(e.getKey()));
            gc.setLineWidth(2 * scale);
            gc.strokeLine(a[0] + a[2] / 2, a[1] + a[2] / 2, x + size / 2, y + size / 2);
            gc.setGlobalAlpha(1);
            gc.setLineWidth(1);
            gDot(gc, e.getKey(), x, y, size, size >= 14 * scale);
            placed.put(e.getKey(), b);
            gc.setStroke(pal.text());
            gc.strokeOval(x, y, size, size);
        }
        moving = mv;
    }

    /** True if G {@code goid} is in flight: its destination stays empty until it lands. */
    private boolean flying(long goid) {
        return !moving.isEmpty() && moving.containsKey(goid);
    }

    private double label(GraphicsContext gc, String text, double x, double y) {
        gc.setFont(font(11, true));
        gc.setFill(pal.text());
        gc.fillText(text, x, y);
        return x + textWidth(text, 11, true) + 6 * scale;
    }

    private double textWidth(String t, double size, boolean bold) {
        javafx.scene.text.Text tx = new javafx.scene.text.Text(t);
        tx.setFont(font(size, bold));
        return tx.getLayoutBounds().getWidth();
    }

    /** An M box with a caption under it; returns the right edge. */
    private double mBox(GraphicsContext gc, MView mv, double x, double y, String caption) {
        double s = scale, bw = 44 * s, bh = 22 * s;
        Color fill = mv.spinning() ? pal.accent() : pal.panel();
        gc.setFill(fill);
        gc.fillRoundRect(x, y, bw, bh, 6 * s, 6 * s);
        stroke(gc, x, y, bw, bh, new Selection(Kind.M, mv.id()));
        gc.setFill(mv.spinning() ? Palette.on(fill) : pal.text());
        gc.setFont(font(11, true));
        gc.fillText("M" + mv.id() + (mv.curg() >= 0 ? "·G" + mv.curg() : ""), x + 4 * s, y + 4 * s, bw - 6 * s);
        gc.setFill(pal.muted());
        gc.setFont(font(9, false));
        gc.fillText(caption, x, y + bh + 2 * s, Math.max(bw, 90 * s));
        hits.add(new Hit(x, y, bw, bh, new Selection(Kind.M, mv.id())));
        return x + Math.max(bw, Math.min(90 * s, textWidth(caption, 9, false)));
    }

    private void stroke(GraphicsContext gc, double x, double y, double w, double h, Selection sel) {
        boolean on = sel.equals(selected);
        gc.setStroke(on ? pal.warn() : pal.border());
        gc.setLineWidth(on ? 3 * scale : 1);
        gc.strokeRoundRect(x, y, w, h, 6 * scale, 6 * scale);
        gc.setLineWidth(1);
    }

    private void gDot(GraphicsContext gc, long goid, double x, double y, double size, boolean labelled) {
        placed.put(goid, new double[]{x, y, size});
        if (flying(goid)) {
            hits.add(new Hit(x, y, size, size, new Selection(Kind.G, goid)));
            return;
        }
        Color c = pal.g(goid);
        gc.setFill(c);
        gc.fillOval(x, y, size, size);
        Selection sel = new Selection(Kind.G, goid);
        if (sel.equals(selected)) {
            gc.setStroke(pal.warn());
            gc.setLineWidth(3 * scale);
            gc.strokeOval(x, y, size, size);
            gc.setLineWidth(1);
        }
        if (labelled) {
            gc.setFill(Palette.on(c));
            gc.setFont(font(Math.min(11, size / scale * 0.42), true));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText("G" + goid, x + size / 2, y + size / 2, size - 2);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.TOP);
        }
        hits.add(new Hit(x, y, size, size, sel));
    }

    /** One P card; returns its height. */
    private double drawP(GraphicsContext gc, BoardModel.PCard card, double x, double y, double cw, double cell) {
        double s = scale, pad = 8 * s;
        PView p = card.p();
        double ringH = cell * (BoardModel.RING / ringCols);
        double ch = pad + 18 * s + 40 * s + 8 * s + 14 * s + ringH + pad;
        boolean idle = p.status() == PStatus.IDLE;
        gc.setFill(idle ? pal.empty() : pal.panel());
        gc.fillRoundRect(x, y, cw, ch, 10 * s, 10 * s);
        stroke(gc, x, y, cw, ch, new Selection(Kind.P, p.id()));
        hits.add(new Hit(x, y, cw, ch, new Selection(Kind.P, p.id())));
        double cy = y + pad;
        gc.setFill(pal.text());
        gc.setFont(font(13, true));
        gc.fillText("P" + p.id(), x + pad, cy);
        gc.setFont(font(10, false));
        gc.setFill(p.status() == PStatus.SYSCALL ? pal.warn() : pal.muted());
        gc.fillText(pStatus(p.status()) + "  tick " + p.schedtick(), x + pad + 30 * s, cy + 2 * s, cw - 40 * s);
        cy += 18 * s;
        // M bound and G running
        double bx = x + pad;
        if (card.m() != null) {
            mBox(gc, card.m(), bx, cy, card.m().spinning() ? i18n.tr("board.spinningShort") : "");
        } else {
            gc.setStroke(pal.border());
            gc.setLineDashes(4 * s);
            gc.strokeRoundRect(bx, cy, 44 * s, 22 * s, 6 * s, 6 * s);
            gc.setLineDashes(null);
            gc.setFill(pal.muted());
            gc.setFont(font(10, false));
            gc.fillText(i18n.tr("board.noM"), bx + 4 * s, cy + 5 * s, 40 * s);
        }
        double gx = bx + 50 * s;
        double gsz = 30 * s;
        gc.setFill(pal.muted());
        gc.setFont(font(9, false));
        gc.fillText(i18n.tr("board.running"), gx, cy - 1 * s, 60 * s);
        if (card.running() >= 0) gDot(gc, card.running(), gx, cy + 9 * s, gsz, true);
        else emptySlot(gc, gx, cy + 9 * s, gsz);
        double rx = gx + gsz + 12 * s;
        gc.setFill(pal.muted());
        gc.setFont(font(9, false));
        gc.fillText("runnext", rx, cy - 1 * s, 60 * s);
        if (p.runnext() >= 0) gDot(gc, p.runnext(), rx, cy + 9 * s, gsz, true);
        else emptySlot(gc, rx, cy + 9 * s, gsz);
        cy += 48 * s;
        gc.setFill(p.runq().length >= BoardModel.RING ? pal.warn() : pal.muted());
        gc.setFont(font(10, p.runq().length >= BoardModel.RING));
        gc.fillText(i18n.tr("board.runq", p.runq().length, BoardModel.RING), x + pad, cy, cw - 2 * pad);
        cy += 14 * s;
        // the ring: 256 slots, ringCols per row, head first
        long[] q = p.runq();
        for (int i = 0; i < BoardModel.RING; i++) {
            double sx = x + pad + (i % ringCols) * cell, sy = cy + (i / ringCols) * cell;
            if (i < q.length) {
                placed.put(q[i], new double[]{sx, sy, cell - 1});
                gc.setFill(flying(q[i]) ? pal.empty() : pal.g(q[i]));
                gc.fillRect(sx, sy, cell - 1, cell - 1);
                hits.add(new Hit(sx, sy, cell, cell, new Selection(Kind.G, q[i])));
            } else {
                gc.setFill(pal.empty());
                gc.fillRect(sx, sy, cell - 1, cell - 1);
            }
        }
        gc.setStroke(pal.border());
        gc.strokeRect(x + pad - 0.5, cy - 0.5, cell * ringCols, ringH);
        return ch;
    }

    private void emptySlot(GraphicsContext gc, double x, double y, double size) {
        gc.setStroke(pal.border());
        gc.setLineDashes(3 * scale);
        gc.strokeOval(x, y, size, size);
        gc.setLineDashes(null);
    }

    private String pStatus(PStatus st) {
        return switch (st) {
            case IDLE -> "_Pidle";
            case RUNNING -> "_Prunning";
            case SYSCALL -> "_Psyscall";
            case GCSTOP -> "_Pgcstop";
            case DEAD -> "_Pdead";
        };
    }

    /** How a queue of {@code n} Gs is laid out in width {@code w}: cell size, cells per row, cells shown, height. */
    private record QueueShape(double cell, int perRow, int shown, double height) { }

    private QueueShape queueShape(int n, double w, int maxRows) {
        double s = scale;
        double cell = 22 * s;
        if (n > (int) (w / cell) * maxRows) cell = 9 * s;
        int perRow = Math.max(1, (int) (w / cell));
        int cap = perRow * maxRows;
        int shown = Math.min(n, n > cap ? cap - 1 : cap);
        int rows = n == 0 ? 1 : (shown + perRow) / perRow;
        return new QueueShape(cell, perRow, shown, 14 * s + rows * cell + 6 * s);
    }

    /** A labelled row (or rows) of G cells; returns the next y. */
    private double drawQueue(GraphicsContext gc, String title, long[] ids, double x, double y, double w, int maxRows) {
        double s = scale;
        QueueShape shape = queueShape(ids.length, w, maxRows);
        double cell = shape.cell();
        boolean labelled = cell >= 20 * s;
        double end = y + shape.height();
        gc.setFill(pal.text());
        gc.setFont(font(10, false));
        gc.fillText(title, x, y, w);
        y += 14 * s;
        int perRow = shape.perRow();
        int shown = shape.shown();
        for (int i = 0; i < shown; i++) {
            double sx = x + (i % perRow) * cell, sy = y + (i / perRow) * cell;
            if (labelled) {
                gDot(gc, ids[i], sx, sy, cell - 2, true);
            } else {
                placed.put(ids[i], new double[]{sx, sy, cell - 1});
                if (!flying(ids[i])) {
                    gc.setFill(pal.g(ids[i]));
                    gc.fillOval(sx, sy, cell - 1, cell - 1);
                }
                if (i < 2000) hits.add(new Hit(sx, sy, cell, cell, new Selection(Kind.G, ids[i])));
            }
        }
        if (shown < ids.length) {
            gc.setFill(pal.muted());
            gc.setFont(font(9, true));
            double sx = x + (shown % perRow) * cell, sy = y + (shown / perRow) * cell;
            gc.fillText("+" + (ids.length - shown), sx, sy);
        }
        return end;
    }
}
