package gmplab.ui.view;

import javafx.scene.paint.Color;

/** Colours of the canvases (the board and the timeline) for a theme; the controls use CSS. */
public record Palette(String name, Color bg, Color panel, Color border, Color text, Color muted, Color accent,
                      Color empty, Color warn, double gSaturation, double gBrightness) {
    public static final Palette LIGHT = new Palette("light", Color.web("#f6f8fa"), Color.WHITE, Color.web("#d0d7de"),
            Color.web("#1f2328"), Color.web("#656d76"), Color.web("#0969da"), Color.web("#eaeef2"), Color.web("#cf222e"), 0.55, 0.92);
    public static final Palette DARK = new Palette("dark", Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"),
            Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#4493f8"), Color.web("#21262d"), Color.web("#f85149"), 0.6, 0.85);
    /** Presenter: high contrast, for a projector at the back of a room. */
    public static final Palette PRESENTER = new Palette("presenter", Color.BLACK, Color.web("#111111"), Color.WHITE,
            Color.WHITE, Color.web("#d0d0d0"), Color.web("#ffd33d"), Color.web("#2a2a2a"), Color.web("#ff6b6b"), 0.75, 1.0);

    /** The colour of goroutine {@code goid}: golden-angle hues, so neighbours differ. */
    public Color g(long goid) {
        return Color.hsb((goid * 137.508) % 360, gSaturation, gBrightness);
    }

    /** Black or white, whichever reads on {@code c}. */
    public static Color on(Color c) {
        return c.getBrightness() * (1 - c.getSaturation() * 0.5) > 0.6 ? Color.BLACK : Color.WHITE;
    }
}
