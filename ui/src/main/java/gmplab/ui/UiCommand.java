package gmplab.ui;

import gmplab.ui.view.AppOptions;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gmplab ui}: opens the app (also what {@code gmplab} without a subcommand does). */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Open the GMP Lab window: step through the scheduler, forward and back.")
public final class UiCommand implements Callable<Integer> {
    @Option(names = "--lang", description = "en or zh (default: en)", defaultValue = "en")
    String lang;
    @Option(names = "--presenter", description = "presenter mode: large, high contrast, uncluttered")
    boolean presenter;
    @Option(names = "--theme", description = "light or dark (default: light)", defaultValue = "light")
    String theme;
    @Option(names = "--gomaxprocs", description = "GOMAXPROCS of the run (default: 4)", defaultValue = "4")
    int gomaxprocs;
    @Option(names = "--seed", description = "seed of the run (default: 1)", defaultValue = "1")
    long seed;
    @Option(names = "--program", description = "a .go file or a built-in workload name to open "
            + "(default: examples/spawnorder/main.go, or the spawn-order workload without the examples)",
            defaultValue = "examples/spawnorder/main.go")
    String program;
    @Option(names = "--event", description = "event index to show (with --snapshot; default: just after the last goroutine is created)", defaultValue = "-1")
    int event;
    @Option(names = "--lesson", paramLabel = "ID[:STEP[:ANSWER]]", description = "open a bundled lesson beside the board "
            + "(at STEP, 1-based, answering ANSWER; e.g. spawn-order:3:G6)")
    String lesson;
    @Option(names = "--p2p", arity = "0..1", fallbackValue = "fixed", paramLabel = "blogera|fixed[,real]",
            description = "open the P2P pane beside the board on that version of the kubo p2p code (default: fixed; "
                    + "\",real\": on the real back end as a daemon); with --snapshot, after a short session "
                    + "(listen; peer B opens a stream)")
    String p2p;
    @Option(names = "--snapshot", paramLabel = "FILE.png", description = "render the window to a PNG and exit")
    Path snapshot;

    public UiCommand() {
    }

    @Override
    public Integer call() {
        if (!theme.equals("light") && !theme.equals("dark")) {
            System.err.println("--theme must be light or dark");
            return 2;
        }
        if (lesson != null) System.setProperty("gmplab.ui.lesson", lesson);
        if (p2p != null) System.setProperty("gmplab.ui.p2p", p2p);
        GmpLabApp.options = new AppOptions(lang, presenter, theme, gomaxprocs, seed, snapshot, event, program,
                AppOptions.findExamples());
        Application.launch(GmpLabApp.class);
        return GmpLabApp.exitCode;
    }
}
