package gmplab.ui.lessons.view;

import gmplab.lessons.LessonPlayer.ChoiceView;
import gmplab.lessons.LessonPlayer.Feedback;
import gmplab.lessons.LessonPlayer.StepView;
import gmplab.lessons.Settings;
import gmplab.lessons.Step;
import gmplab.ui.i18n.I18n;
import gmplab.ui.lessons.LessonPlayerViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The lesson player: the step's text, its choices (or a field to type the
 * answer, or the settings and code of a try step), the feedback with the
 * explanation and the narration of the event the answer is about, and
 * back / next, a fresh variant, and — in presenter mode — "reveal answer".
 * A view over a {@link LessonPlayerViewModel}; every string through {@link I18n}.
 */
final class LessonPlayerPane {
    private final LessonPlayerViewModel vm;
    private final I18n i18n;
    private final BooleanProperty presenter;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label header = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final VBox stepBox = new VBox(8);
    private final VBox interactBox = new VBox(6);
    private final VBox feedbackBox = new VBox(6);
    private final Label busy = new Label();
    private final Label error = new Label();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button retry = new Button();
    private final Button reveal = new Button();
    private final Button reset = new Button();
    private final Button toBrowser = new Button();

    LessonPlayerPane(LessonPlayerViewModel vm, I18n i18n, BooleanProperty presenter, Runnable onBrowser) {
        this.vm = vm;
        this.i18n = i18n;
        this.presenter = presenter;
        root.setId("lessonPlayer");
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        header.setId("lessonStepHeader");
        header.getStyleClass().add("lesson-step-header");
        progress.setId("lessonProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        busy.setId("lessonBusy");
        busy.getStyleClass().add("lesson-muted");
        error.setId("lessonError");
        error.getStyleClass().add("lesson-error");
        error.setWrapText(true);
        stepBox.setId("lessonStep");
        interactBox.setId("lessonInteract");
        feedbackBox.setId("lessonFeedback");
        feedbackBox.getStyleClass().add("lesson-feedback");

        setup(back, "lessonBack", "lesson.back", vm::back);
        setup(next, "lessonNext", "lesson.next", vm::next);
        setup(retry, "lessonRetry", "lesson.retry", vm::retry);
        setup(reveal, "lessonReveal", "lesson.reveal", vm::reveal);
        setup(reset, "lessonReset", "lesson.reset", vm::reset);
        setup(toBrowser, "lessonToBrowser", "lesson.toBrowser", onBrowser);
        back.disableProperty().bind(vm.canBackProperty().not().or(vm.busyProperty()));
        next.disableProperty().bind(vm.canNextProperty().not().or(vm.busyProperty()));
        next.setDefaultButton(false);

        VBox content = new VBox(10, stepBox, interactBox, feedbackBox);
        content.setPadding(new Insets(2, 6, 2, 2));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("lessonScroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox nav = new HBox(6, back, next, grow, reveal);
        nav.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(6, toBrowser, new Region(), reset);
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        root.getChildren().addAll(top, title, header, progress, scroll, busy, error, nav);

        vm.stepProperty().addListener((o, a, b) -> renderStep());
        vm.feedbackProperty().addListener((o, a, b) -> renderFeedback());
        vm.revealedProperty().addListener((o, a, b) -> renderFeedback());
        vm.busyProperty().addListener((o, a, b) -> renderBusy());
        vm.errorProperty().addListener((o, a, b) -> renderError());
        presenter.addListener((o, a, b) -> renderStep());
        i18n.localeProperty().addListener((o, a, b) -> {
            renderStep();
            renderBusy();
        });
        renderStep();
        renderBusy();
    }

    Node root() {
        return root;
    }

    private void setup(Button b, String id, String key, Runnable action) {
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
    }

    private void renderBusy() {
        busy.setText(vm.busyProperty().get() ? i18n.tr("lesson.busy") : "");
        busy.setManaged(vm.busyProperty().get());
        busy.setVisible(vm.busyProperty().get());
    }

    private void renderError() {
        String e = vm.errorProperty().get();
        error.setText(e == null ? "" : i18n.tr("lesson.errors", e));
        error.setManaged(e != null);
        error.setVisible(e != null);
    }

    private String kindName(Step.Kind k) {
        return i18n.tr("lesson.kind." + k.name().toLowerCase(Locale.ROOT));
    }

    private void renderStep() {
        StepView v = vm.step();
        renderError();
        if (v == null) {
            title.setText("");
            header.setText(i18n.tr("lesson.busy"));
            stepBox.getChildren().clear();
            interactBox.getChildren().clear();
            renderFeedback();
            return;
        }
        title.setText(v.lessonTitle());
        String h = i18n.tr("lesson.stepHeader", v.index() + 1, v.count(), kindName(v.kind()));
        if (v.done()) h += "  ✔";
        header.setText(h);
        var p = vm.progressProperty().get();
        progress.setProgress(p == null || p.total() == 0 ? 0 : (double) p.done() / p.total());
        stepBox.getChildren().setAll(MarkdownView.render(v.text(), "lesson-text"));
        stepBox.getChildren().get(0).setId("lessonText");
        if (v.kind() == Step.Kind.CHALLENGE && v.points() > 0) {
            Label d = new Label(v.point() > 0 && v.choices().size() > 0 ? i18n.tr("lesson.decision", v.point(), v.points())
                    : i18n.tr("lesson.challengeOver"));
            d.setId("lessonDecision");
            d.getStyleClass().add("lesson-step-header");
            stepBox.getChildren().add(d);
        }
        if (!v.errors().isEmpty()) {
            Label e = new Label(i18n.tr("lesson.errors", String.join("\n", v.errors())));
            e.getStyleClass().add("lesson-error");
            e.setWrapText(true);
            stepBox.getChildren().add(e);
        }
        interactBox.getChildren().clear();
        switch (v.kind()) {
            case PREDICT, QUIZ, CHALLENGE -> renderQuestion(v);
            case TRY -> renderTry(v);
            case EXPLAIN -> { }
        }
        boolean question = v.kind() == Step.Kind.PREDICT || v.kind() == Step.Kind.QUIZ
                || (v.kind() == Step.Kind.CHALLENGE && !v.choices().isEmpty());
        reveal.setVisible(presenter.get() && (question || v.kind() == Step.Kind.TRY));
        reveal.setManaged(reveal.isVisible());
        retry.textProperty().unbind();
        retry.textProperty().bind(i18n.bind(v.kind() == Step.Kind.CHALLENGE ? "lesson.retryChallenge" : "lesson.retry"));
        boolean canRetry = v.kind() == Step.Kind.QUIZ || (v.kind() == Step.Kind.CHALLENGE && v.point() > 1);
        retry.setVisible(canRetry);
        retry.setManaged(canRetry);
        renderFeedback();
    }

    private void renderQuestion(StepView v) {
        if (v.freeAnswer()) {
            TextField field = new TextField();
            field.setId("lessonAnswerField");
            field.setPromptText(i18n.tr("lesson.answerPrompt"));
            Button check = new Button(i18n.tr("lesson.check"));
            check.setId("lessonCheck");
            check.disableProperty().bind(vm.busyProperty().or(field.textProperty().isEmpty()));
            check.setOnAction(e -> vm.answer(field.getText().trim()));
            field.setOnAction(e -> { if (!field.getText().isBlank()) vm.answer(field.getText().trim()); });
            HBox.setHgrow(field, Priority.ALWAYS);
            interactBox.getChildren().add(new HBox(6, field, check));
        } else {
            VBox choices = new VBox(4);
            choices.setId("lessonChoices");
            int i = 0;
            for (ChoiceView c : v.choices()) {
                Button b = new Button(c.label());
                b.setId("choice-" + i++);
                b.getStyleClass().add("lesson-choice");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setWrapText(true);
                b.setUserData(c.value());
                b.disableProperty().bind(vm.busyProperty());
                b.setOnAction(e -> vm.answer(c.value()));
                choices.getChildren().add(b);
            }
            interactBox.getChildren().add(choices);
        }
        if (presenter.get()) {
            Label vote = new Label(i18n.tr("lesson.presenterVote"));
            vote.getStyleClass().add("lesson-muted");
            vote.setWrapText(true);
            interactBox.getChildren().add(vote);
        }
        interactBox.getChildren().add(retry);
    }

    private void renderTry(StepView v) {
        Settings s = v.settings() == null ? Settings.NONE : v.settings();
        VBox box = new VBox(6);
        HBox settings = new HBox(6);
        settings.setAlignment(Pos.CENTER_LEFT);
        Spinner<Integer> procs = new Spinner<>(1, 64, s.gomaxprocsOrDefault());
        procs.setId("lessonTryProcs");
        procs.setPrefWidth(80);
        procs.setEditable(true);
        TextField seed = new TextField(Long.toString(s.seedOrDefault()));
        seed.setId("lessonTrySeed");
        seed.setPrefColumnCount(4);
        CheckBox async = new CheckBox(i18n.tr("settings.async"));
        async.setId("lessonTryAsync");
        async.setSelected(s.asyncPreemptOrDefault());
        procs.setDisable(!v.editable().contains("gomaxprocs"));
        seed.setDisable(!v.editable().contains("seed"));
        async.setDisable(!v.editable().contains("asyncPreempt"));
        settings.getChildren().addAll(new Label(i18n.tr("settings.gomaxprocs")), procs,
                new Label(i18n.tr("settings.seed")), seed, async);
        box.getChildren().add(settings);
        TextArea code = null;
        if (v.editable().contains("code") && v.source() != null) {
            Label cl = new Label(i18n.tr("lesson.code"));
            cl.getStyleClass().add("lesson-step-header");
            code = new TextArea(v.source());
            code.setId("lessonTryCode");
            code.getStyleClass().add("code");
            code.setPrefRowCount(12);
            box.getChildren().addAll(cl, code);
        }
        if (v.hint() != null && !v.hint().isBlank()) {
            Label hint = new Label(i18n.tr("lesson.hint", v.hint()));
            hint.setId("lessonHint");
            hint.getStyleClass().add("lesson-muted");
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        Button run = new Button(i18n.tr("lesson.run"));
        run.setId("lessonRunTry");
        run.disableProperty().bind(vm.busyProperty());
        TextArea codeArea = code;
        run.setOnAction(e -> {
            long sd;
            try {
                sd = Long.parseLong(seed.getText().trim());
            } catch (NumberFormatException ex) {
                sd = s.seedOrDefault();
            }
            vm.runTry(new Settings(procs.getValue(), sd, async.isSelected(), null), codeArea == null ? null : codeArea.getText());
        });
        box.getChildren().add(run);
        interactBox.getChildren().add(box);
    }

    private void renderFeedback() {
        Feedback f = vm.feedback();
        StepView v = vm.step();
        feedbackBox.getChildren().clear();
        feedbackBox.getStyleClass().removeAll("right", "wrong", "revealed");
        boolean show = f != null && v != null;
        feedbackBox.setVisible(show);
        feedbackBox.setManaged(show);
        if (!show) return;
        boolean revealed = vm.revealedProperty().get();
        String verdict;
        if (revealed) verdict = i18n.tr("lesson.revealed", f.expected());
        else if (v.kind() == Step.Kind.TRY) verdict = i18n.tr(f.correct() ? "lesson.goalMet" : "lesson.goalNotMet", f.expected());
        else verdict = f.correct() ? i18n.tr("lesson.right") : i18n.tr("lesson.wrong", f.answer(), f.expected());
        feedbackBox.getStyleClass().add(revealed ? "revealed" : f.correct() ? "right" : "wrong");
        Label vl = new Label(verdict);
        vl.setId("lessonVerdict");
        vl.getStyleClass().add("lesson-verdict");
        vl.setWrapText(true);
        feedbackBox.getChildren().add(vl);
        if (v.kind() == Step.Kind.TRY && !revealed && f.answer() != null && !f.answer().isBlank()) {
            Label run = new Label(i18n.tr("lesson.tryYour", f.answer()));
            run.getStyleClass().add("lesson-muted");
            run.setWrapText(true);
            feedbackBox.getChildren().add(run);
        }
        if (f.explanation() != null && !f.explanation().isBlank()) {
            VBox expl = MarkdownView.render(f.explanation(), "lesson-explanation");
            expl.setId("lessonExplanation");
            feedbackBox.getChildren().add(expl);
        }
        if (f.narration() != null && !f.narration().isBlank()) {
            Label n = new Label(i18n.tr("lesson.why") + " " + f.narration());
            n.setId("lessonNarration");
            n.getStyleClass().add("lesson-narration");
            n.setWrapText(true);
            feedbackBox.getChildren().add(n);
        }
        if (!f.errors().isEmpty()) {
            Label e = new Label(i18n.tr("lesson.errors", String.join("\n", f.errors())));
            e.getStyleClass().add("lesson-error");
            e.setWrapText(true);
            feedbackBox.getChildren().add(e);
        }
    }
}
