package gmplab.ui.lessons.view;

import gmplab.lessons.Markdown;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Lays out a lesson text (the {@link Markdown} subset) as JavaFX nodes: a
 * paragraph or list item is a {@link TextFlow} of styled {@link Text}s, a code
 * block a monospaced label. The plain text is kept as the box's user data
 * (for tests and accessibility).
 */
final class MarkdownView {
    private MarkdownView() {
    }

    static VBox render(String text, String styleClass) {
        VBox box = new VBox(6);
        box.getStyleClass().addAll("md", styleClass);
        for (Markdown.Block b : Markdown.parse(text)) box.getChildren().add(block(b));
        String plain = Markdown.plain(text);
        box.setUserData(plain);
        box.setAccessibleText(plain);
        return box;
    }

    private static Node block(Markdown.Block b) {
        if (b.kind() == Markdown.BlockKind.CODE) {
            Label l = new Label(b.plain());
            l.getStyleClass().add("md-codeblock");
            l.setWrapText(false);
            return l;
        }
        TextFlow f = new TextFlow();
        f.getStyleClass().add(b.kind() == Markdown.BlockKind.LIST_ITEM ? "md-item" : "md-para");
        if (b.kind() == Markdown.BlockKind.LIST_ITEM) f.getChildren().add(text("•  ", "md-text"));
        for (Markdown.Span s : b.spans()) {
            f.getChildren().add(text(s.text(), switch (s.kind()) {
                case TEXT -> "md-text";
                case EMPHASIS -> "md-em";
                case STRONG -> "md-strong";
                case CODE -> "md-code";
            }));
        }
        return f;
    }

    private static Text text(String s, String cls) {
        Text t = new Text(s);
        t.getStyleClass().addAll("md-span", cls);
        return t;
    }
}
