package gmplab.ui.view;

import gmplab.trace.EventKind;
import gmplab.ui.model.TimelineModel;
import gmplab.ui.model.TimelineModel.Lane;
import gmplab.ui.model.TimelineModel.Marker;
import gmplab.ui.model.TimelineModel.Slice;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;

import java.util.function.LongConsumer;

/**
 * The timeline: a lane per P and per M, slices coloured by G, markers for
 * steals (▲), handoffs (◆), preemptions (✕) and syscalls (|), the cursor as a
 * line. Mouse wheel zooms, drag pans, click seeks.
 */
public final class TimelineCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private TimelineModel model;
    private Palette pal = Palette.LIGHT;
    private double scale = 1;
    private String fontFamily = "System";
    private long cursorTime;
    private double viewStart, viewEnd = 1;
    private double dragX = Double.NaN;
    private boolean dragged;
    private LongConsumer onSeek = t -> { };

    public TimelineCanvas() {
        setId("timeline");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setMinHeight(60);
        canvas.setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX()));
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            double dx = e.getX() - dragX;
            if (Math.abs(dx) > 2) dragged = true;
            double span = viewEnd - viewStart;
            double dt = -dx / Math.max(1, plotW()) * span;
            viewStart += dt;
            viewEnd += dt;
            dragX = e.getX();
            draw();
        });
        canvas.setOnMouseReleased(e -> {
            if (!dragged && model != null && e.getX() > labelW()) onSeek.accept(timeAt(e.getX()));
        });
    }

    public void setOnSeek(LongConsumer c) {
        onSeek = c;
    }

    public void setModel(TimelineModel m) {
        model = m;
        resetZoom();
    }

    public void resetZoom() {
        viewStart = 0;
        viewEnd = model == null ? 1 : Math.max(1, model.end());
        draw();
    }

    public void zoom(double factor, double atX) {
        double t = timeAt(atX);
        viewStart = t - (t - viewStart) * factor;
        viewEnd = t + (viewEnd - t) * factor;
        if (viewEnd - viewStart < 10) viewEnd = viewStart + 10;
        draw();
    }

    public void setCursorTime(long t) {
        cursorTime = t;
        draw();
    }

    public void setLook(Palette p, double scale, String fontFamily) {
        this.pal = p;
        this.scale = scale;
        this.fontFamily = fontFamily;
        draw();
    }

    private double labelW() {
        return 40 * scale;
    }

    private double plotW() {
        return canvas.getWidth() - labelW() - 4;
    }

    long timeAt(double x) {
        return (long) (viewStart + (x - labelW()) / Math.max(1, plotW()) * (viewEnd - viewStart));
    }

    private double xAt(double t) {
        return labelW() + (t - viewStart) / (viewEnd - viewStart) * plotW();
    }

    public void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        gc.setFill(pal.bg());
        gc.fillRect(0, 0, w, h);
        if (model == null || model.lanes().isEmpty()) return;
        int n = model.lanes().size();
        double laneH = Math.max(4, Math.min(22 * scale, (h - 14 * scale) / n));
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font(fontFamily, Math.min(11 * scale, laneH * 0.8)));
        for (int i = 0; i < n; i++) {
            Lane lane = model.lanes().get(i);
            double y = i * laneH;
            gc.setFill(i % 2 == 0 ? pal.panel() : pal.empty());
            gc.fillRect(0, y, w, laneH);
            gc.setFill(lane.isP() ? pal.text() : pal.muted());
            gc.fillText(lane.name(), 4, y + laneH / 2);
            double lastX = -1;
            for (Slice s : lane.slices()) {
                if (s.end() < viewStart || s.start() > viewEnd) continue;
                double x0 = Math.max(labelW(), xAt(s.start())), x1 = Math.min(w, xAt(s.end()));
                if (x1 < lastX + 0.5) continue; // sub-pixel slices: one per pixel is enough
                gc.setFill(pal.g(s.g()));
                gc.fillRect(x0, y + 2, Math.max(1, x1 - x0), laneH - 4);
                lastX = x1;
            }
            gc.setFill(pal.text());
            double lastM = -1;
            for (Marker mk : lane.markers()) {
                if (mk.time() < viewStart || mk.time() > viewEnd) continue;
                double x = xAt(mk.time());
                if (x < lastM + 2) continue;
                lastM = x;
                marker(gc, mk.kind(), x, y, laneH);
            }
        }
        double cx = xAt(cursorTime);
        gc.setStroke(pal.warn());
        gc.setLineWidth(2);
        gc.strokeLine(cx, 0, cx, n * laneH);
        gc.setLineWidth(1);
        gc.setFill(pal.muted());
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(String.format("%.3f µs … %.3f µs", viewStart / 1000, viewEnd / 1000), labelW(), n * laneH + 1);
    }

    private void marker(GraphicsContext gc, EventKind k, double x, double y, double lh) {
        double s = Math.min(lh * 0.45, 6 * scale);
        switch (k) {
            case STEAL -> {
                gc.setFill(pal.accent());
                gc.fillPolygon(new double[]{x - s, x + s, x}, new double[]{y + lh - 1, y + lh - 1, y + lh - 1 - 2 * s}, 3);
            }
            case HANDOFFP, RETAKE -> {
                gc.setFill(pal.warn());
                gc.fillPolygon(new double[]{x, x + s, x, x - s}, new double[]{y + 1, y + 1 + s, y + 1 + 2 * s, y + 1 + s}, 4);
            }
            case PREEMPTED -> {
                gc.setStroke(pal.warn());
                gc.setLineWidth(2);
                gc.strokeLine(x - s, y + 2, x + s, y + lh - 2);
                gc.strokeLine(x + s, y + 2, x - s, y + lh - 2);
                gc.setLineWidth(1);
            }
            default -> {
                gc.setStroke(pal.text());
                gc.strokeLine(x, y + 1, x, y + lh - 1);
            }
        }
    }
}
