package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/** Manual runner for development: {@code java ... gmplab.golang.GoTry file.go}. */
public final class GoTry {
    public static void main(String[] args) throws Exception {
        String src = Files.readString(Path.of(args[0]));
        try {
            GoProgram p = GoProgram.compile(Path.of(args[0]).getFileName().toString(), src);
            if (args.length > 1) System.err.println(p.disassemble());
            RunResult r = GoRun.run(p, SimConfig.defaults(), VmOptions.defaults(), null, null);
            System.out.print(r.stdout());
            System.err.print(r.stderr());
            System.err.println("[exit " + r.exitCode() + " " + r.outcome() + " t=" + r.virtualTimeNs() + "]");
        } catch (GoCompileException e) {
            System.err.print(e.format());
        }
    }
}
