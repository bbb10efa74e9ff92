package gmplab.golang;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear message, never a crash: every conformance program, mutated by
 * deleting, duplicating or swapping pieces, either compiles or fails with compile errors
 * in gc's format.
 */
class CompilerRobustnessTest {

    static String mutate(String src, Random rnd) {
        String[] lines = src.split("\n", -1);
        List<String> ls = new ArrayList<>(List.of(lines));
        switch (rnd.nextInt(5)) {
            case 0 -> ls.remove(rnd.nextInt(ls.size()));
            case 1 -> {
                int i = rnd.nextInt(ls.size());
                ls.add(i, ls.get(rnd.nextInt(ls.size())));
            }
            case 2 -> {
                int i = rnd.nextInt(ls.size()), j = rnd.nextInt(ls.size());
                String t = ls.get(i);
                ls.set(i, ls.get(j));
                ls.set(j, t);
            }
            case 3 -> {
                int i = rnd.nextInt(ls.size());
                String l = ls.get(i);
                if (!l.isEmpty()) {
                    int a = rnd.nextInt(l.length()), b = a + rnd.nextInt(Math.min(8, l.length() - a) + 1);
                    ls.set(i, l.substring(0, a) + l.substring(Math.min(b, l.length())));
                }
            }
            default -> {
                int i = rnd.nextInt(ls.size());
                String[] junk = {"x", "(", "}", "{", ":=", "nil", "\"", "'", "go", "defer", ".", "[", "]", "*", "&", "<-", "0x", "1e", "func"};
                String l = ls.get(i);
                int at = l.isEmpty() ? 0 : rnd.nextInt(l.length() + 1);
                ls.set(i, l.substring(0, at) + junk[rnd.nextInt(junk.length)] + l.substring(at));
            }
        }
        return String.join("\n", ls);
    }

    @Test
    void mutatedProgramsNeverCrashTheCompiler() throws Exception {
        Random rnd = new Random(Long.getLong("mutationSeed", 12345));
        int compiled = 0, rejected = 0;
        for (String name : ConformanceTest.programs()) {
            String src = Files.readString(ConformanceTest.dir().resolve(name + ".go"));
            for (int k = 0; k < Integer.getInteger("mutations", 15); k++) {
                String m = mutate(src, rnd);
                for (int extra = rnd.nextInt(3); extra > 0; extra--) m = mutate(m, rnd);
                try {
                    GoProgram.compile("m.go", m);
                    compiled++;
                } catch (GoCompileException e) {
                    rejected++;
                    assertThat(e.errors()).isNotEmpty().allMatch(line -> line.matches("(?s)m\\.go:\\d+:\\d+: .+"));
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("compiler crashed on a mutation of " + name + ":\n" + m, e);
                }
            }
        }
        assertThat(rejected).isGreaterThan(compiled / 10);
    }

    @Test
    void mutatedProgramsThatCompileRunWithoutJavaExceptions() throws Exception {
        Random rnd = new Random(99);
        int ran = 0;
        for (String name : ConformanceTest.programs()) {
            String src = Files.readString(ConformanceTest.dir().resolve(name + ".go"));
            for (int k = 0; k < 3; k++) {
                String m = mutate(src, rnd);
                GoProgram p;
                try {
                    p = GoProgram.compile("m.go", m);
                } catch (GoCompileException e) {
                    continue;
                }
                ran++;
                try {
                    GoRun.run(p, gmplab.runtime.SimConfig.defaults().withLimits(20_000_000L, 200_000),
                            VmOptions.defaults().withMemoryLimit(64L << 20), null, null);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("the VM crashed on a mutation of " + name + ":\n" + m, e);
                }
            }
        }
        assertThat(ran).isGreaterThan(50);
    }
}
