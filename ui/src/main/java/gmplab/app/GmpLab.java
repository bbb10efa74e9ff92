package gmplab.app;

import gmplab.cli.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * The {@code gmplab} command: every subcommand of every module in one place.
 * Subcommands whose classes are not on the class path (a module still being
 * built) are skipped, so the launcher always starts.
 */
@Command(name = "gmplab", mixinStandardHelpOptions = true, version = "GMP Lab 0.1.0",
        description = "GMP Lab: a laboratory for Go's G/M/P scheduler.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class GmpLab implements Runnable {

    /** Subcommands contributed by other modules, registered when present. */
    static final List<String> OPTIONAL_SUBCOMMANDS = List.of(
            "gmplab.cli.RunCommand",
            "gmplab.ui.UiCommand",
            "gmplab.lessons.LessonsCommand",
            "gmplab.p2p.cli.P2pCommand");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: open the app (the {@code ui} subcommand with its defaults). */
    @Override
    public void run() {
        int code = commandLine().execute("ui");
        if (code != 0) throw new CommandLine.ExecutionException(spec.commandLine(), "the app failed with " + code);
    }

    /** Builds the command line with every available subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GmpLab());
        for (String cls : OPTIONAL_SUBCOMMANDS) {
            try {
                Object cmd = Class.forName(cls).getDeclaredConstructor().newInstance();
                cl.addSubcommand(cmd);
            } catch (ClassNotFoundException e) {
                // module not built into this class path: leave the subcommand out
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create subcommand " + cls, e);
            }
        }
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
