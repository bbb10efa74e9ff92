package gmplab.golang;

import gmplab.runtime.Action;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static gmplab.golang.NativePackages.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativePackagesTest {

    /** A package with a named type, an opaque type with methods, an interface and a parking function. */
    static NativePackages extra() {
        NativePackages extra = new NativePackages();
        NativePackages.Package pkg = extra.define("example.com/box", "box");
        GoType id = pkg.namedType("ID", STRING);
        pkg.method(id, "Pretty", false, func(List.of(), List.of(STRING)),
                (c, a) -> goString("<" + javaString(a[0]) + ">"));
        GoType counter = pkg.opaqueType("Counter");
        GoType ptr = pointer(counter);
        GoType adder = pkg.interfaceType("Adder");
        pkg.interfaceMethod(adder, "Add", func(List.of(INT), List.of(INT)));
        pkg.method(counter, "Add", true, func(List.of(INT), List.of(INT)), (c, a) -> {
            long[] n = handle(a[0], () -> new long[1]);
            n[0] += toLong(a[1]);
            return n[0];
        });
        pkg.func("New", func(List.of(), List.of(adder)), (c, a) -> box(ptr, newHandle(counter, new long[1])));
        // parks in the netpoller for d ns, then answers (bytes, nil)
        pkg.func("ReadAfter", func(List.of(INT), List.of(BYTES, ERROR)), (c, a) ->
                c.park(Action.NetWait.after(toLong(a[0])), (c2, r) -> new Object[]{byteSlice(utf8("data")), null}));
        pkg.func("Fail", func(List.of(STRING), List.of(ERROR)), (c, a) -> error("failed: " + javaString(a[0])));
        pkg.func("Spawn", func(List.of(func(List.of(STRING), List.of())), List.of()), (c, a) -> {
            GoFunc f = c.goFunc(a[0]);
            c.emit(new Action.Go(f.newGoroutine(goString("from java")), f.name()));
            return null;
        });
        return extra;
    }

    static final String PROG = """
            package main

            import (
            \t"example.com/box"
            \t"fmt"
            \t"time"
            )

            func main() {
            \tvar id box.ID = "peer"
            \tfmt.Println(id.Pretty())
            \ta := box.New()
            \ta.Add(2)
            \tfmt.Println(a.Add(3))
            \tb, err := box.ReadAfter(1000)
            \tfmt.Println(string(b), err)
            \tfmt.Println(box.Fail("x"))
            \tdone := make(chan string)
            \tbox.Spawn(func(s string) { done <- s })
            \tfmt.Println(<-done)
            \t_ = time.Second
            }
            """;

    @Test
    void anInspectorSeesTheJavaStateBehindAnOpaqueHandle() throws Exception {
        String src = """
                package main

                import "example.com/box"

                var counter box.Adder
                var plain struct{ N int }

                func main() {
                	counter = box.New()
                	counter.Add(7)
                	plain.N = 1
                }
                """;
        GoProgram p = GoProgram.compile("prog.go", src, extra());
        gmplab.runtime.Simulation sim = new gmplab.runtime.Simulation(SimConfig.defaults());
        gmplab.runtime.GoroutineBody main = p.newMain(GoRun.hostOf(sim), VmOptions.defaults());
        GoInspector in = GoInspector.of(main);
        assertTrue(in.global("counter").orElseThrow().nativeState().isEmpty(), "nil before main ran");
        sim.run(main);
        Object state = in.global("counter").orElseThrow().nativeState().orElseThrow();
        assertEquals(7L, ((long[]) state)[0]);
        assertTrue(in.global("plain").orElseThrow().nativeState().isEmpty(), "an ordinary struct has none");
    }

    @Test
    void extraPackagesAreImportableAndRun() throws Exception {
        GoProgram p = GoProgram.compile("prog.go", PROG, extra());
        RunResult r = GoRun.run(p, SimConfig.defaults(), VmOptions.defaults(), null, null);
        assertEquals("<peer>\n5\ndata <nil>\nfailed: x\nfrom java\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitCode());
        assertTrue(r.virtualTimeNs() >= 1000);
    }

    @Test
    void withoutThePackagesTheImportIsAnError() {
        GoCompileException e = assertThrows(GoCompileException.class, () -> GoProgram.compile("prog.go", PROG));
        assertTrue(e.getMessage().contains("not supported by GMP Lab: package example.com/box"), e.getMessage());
    }
}
