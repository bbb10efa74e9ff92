package gmplab.ui.lessons.view;

import gmplab.ui.i18n.I18n;
import gmplab.ui.lessons.LessonsViewModel;
import gmplab.ui.lessons.LessonsViewModel.Row;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The lesson browser: every lesson with the learner's progress, "Start" /
 * "Continue", the bundled lessons or a teacher's folder ("Open folder…"), and
 * the problems of lessons that did not load. A view over {@link LessonsViewModel}.
 */
final class LessonBrowserPane {
    private final LessonsViewModel vm;
    private final I18n i18n;
    private final VBox root = new VBox(6);
    private final Label heading = new Label();
    private final ListView<Row> list = new ListView<>();
    private final Button start = new Button();
    private final Label problems = new Label();
    private final Label status = new Label();
    /** The lesson selected last: kept selected when the rows are refreshed. */
    private String selectedId;

    LessonBrowserPane(LessonsViewModel vm, I18n i18n, Consumer<String> onStart, Runnable onOpenFolder) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("lessonBrowser");
        heading.setId("lessonBrowserTitle");
        heading.getStyleClass().add("lesson-title");
        heading.setWrapText(true);
        list.setId("lessonList");
        list.setItems(vm.rows());
        list.setCellFactory(lv -> new RowCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                onStart.accept(list.getSelectionModel().getSelectedItem().id());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                onStart.accept(list.getSelectionModel().getSelectedItem().id());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        start.setId("lessonStart");
        start.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        start.setOnAction(e -> {
            Row r = list.getSelectionModel().getSelectedItem();
            if (r != null) onStart.accept(r.id());
        });
        start.setMinWidth(Region.USE_PREF_SIZE);
        Button folder = new Button();
        folder.setId("lessonOpenFolder");
        folder.textProperty().bind(i18n.bind("lesson.openFolder"));
        folder.setOnAction(e -> onOpenFolder.run());
        folder.setMinWidth(Region.USE_PREF_SIZE);
        Button bundled = new Button();
        bundled.setId("lessonBundled");
        bundled.textProperty().bind(i18n.bind("lesson.bundled"));
        bundled.setOnAction(e -> vm.loadBundled());
        bundled.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.sourceProperty().get().bundled(), vm.sourceProperty()));
        bundled.managedProperty().bind(bundled.visibleProperty());
        bundled.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(6, start, folder, bundled);
        buttons.setAlignment(Pos.CENTER_LEFT);
        problems.setId("lessonProblems");
        problems.getStyleClass().add("lesson-error");
        problems.setWrapText(true);
        status.setId("lessonBrowserStatus");
        status.getStyleClass().add("lesson-muted");
        status.setWrapText(true);
        root.getChildren().addAll(heading, status, list, buttons, problems);

        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) selectedId = b.id();
            renderStart();
        });
        vm.problems().addListener((javafx.collections.ListChangeListener<String>) c -> render());
        vm.busyProperty().addListener((o, a, b) -> render());
        vm.errorProperty().addListener((o, a, b) -> render());
        vm.sourceProperty().addListener((o, a, b) -> render());
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            int keep = 0;
            for (int i = 0; i < vm.rows().size(); i++) if (vm.rows().get(i).id().equals(selectedId)) keep = i;
            if (!vm.rows().isEmpty()) list.getSelectionModel().select(keep);
            renderStart();
        });
        i18n.localeProperty().addListener((o, a, b) -> render());
        render();
    }

    Node root() {
        return root;
    }

    ListView<Row> list() {
        return list;
    }

    private void renderStart() {
        Row r = list.getSelectionModel().getSelectedItem();
        start.setText(i18n.tr(r != null && (r.done() > 0 || r.current() > 0) ? "lesson.continue" : "lesson.start"));
    }

    private void render() {
        LessonsViewModel.Source s = vm.sourceProperty().get();
        heading.setText(s.bundled() ? i18n.tr("lesson.browserTitle") : i18n.tr("lesson.folderTitle", s.folder().toString()));
        String err = vm.errorProperty().get();
        status.setText(vm.busyProperty().get() ? i18n.tr("lesson.loading") : err != null ? i18n.tr("lesson.error", err) : "");
        status.setManaged(!status.getText().isEmpty());
        status.setVisible(!status.getText().isEmpty());
        problems.setText(vm.problems().isEmpty() ? "" : i18n.tr("lesson.problems") + "\n" + String.join("\n", vm.problems()));
        problems.setManaged(!vm.problems().isEmpty());
        problems.setVisible(!vm.problems().isEmpty());
        renderStart();
        list.refresh();
    }

    private final class RowCell extends ListCell<Row> {
        @Override
        protected void updateItem(Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label t = new Label(r.title());
            t.getStyleClass().add("lesson-row-title");
            t.setWrapText(true);
            Label s = new Label(r.summary());
            s.getStyleClass().add("lesson-row-summary");
            s.setWrapText(true);
            s.setMaxHeight(48);
            ProgressBar bar = new ProgressBar(r.fraction());
            bar.setPrefWidth(90);
            Label p = new Label(r.finished() ? i18n.tr("lesson.finished") : i18n.tr("lesson.progress", r.done(), r.total()));
            p.getStyleClass().add("lesson-muted");
            HBox pr = new HBox(6, bar, p);
            pr.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, t, pr, s);
            box.prefWidthProperty().bind(list.widthProperty().subtract(36));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            box.setMinWidth(0);
            setPrefWidth(0);
            setText(null);
            setGraphic(box);
            setId("lesson-" + r.id());
        }
    }
}
