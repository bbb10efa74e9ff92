package gmplab.runtime;

/**
 * The body of G1, {@code runtime.main} (proc.go), in Go 1.19's order:
 * {@code mainStarted = true}; start sysmon on its own M; lock G1 to m0 during
 * initialisation; the runtime's {@code init} starts {@code forcegchelper};
 * {@code gcenable} starts {@code bgsweep} and {@code bgscavenge} and waits for
 * both on a channel; package {@code os}'s init creates the finalizer
 * goroutine ({@code runfinq}); unlock; then {@code main.main}.
 */
final class RuntimeMain implements GoroutineBody {
    private final Sched s;
    private final GoroutineBody userMain;
    private int stage;
    private Chan gcenable;

    RuntimeMain(Sched s, GoroutineBody userMain) {
        this.s = s;
        this.userMain = userMain;
    }

    @Override
    public Action next(Resume resume) {
        M m = s.g1.m;
        switch (stage++) {
            case 0 -> {
                s.mainStarted = true;
                s.sysmon.start();
                s.lockOSThread(m, s.g1, false);
                // doInit(&runtime_inittask): proc.go's init starts forcegchelper.
                s.newproc(m, parkForever(WaitReason.FORCE_GC_IDLE), "runtime.forcegchelper", true);
                return new Action.Compute(2_000, true);
            }
            case 1 -> {
                gcenable = new Chan(2, "gcenable.c");
                s.newproc(m, sendThenPark(gcenable, WaitReason.GC_SWEEP_WAIT), "runtime.bgsweep", true);
                s.newproc(m, sendThenPark(gcenable, WaitReason.GC_SCAVENGE_WAIT), "runtime.bgscavenge", true);
                return new Action.Recv(gcenable);
            }
            case 2 -> {
                return new Action.Recv(gcenable);
            }
            case 3 -> {
                // doInit(&main_inittask): os.NewFile → SetFinalizer → createfing.
                s.newproc(m, parkForever(WaitReason.FINALIZER_WAIT), "runtime.runfinq", true);
                return new Action.Compute(2_000, true);
            }
            case 4 -> {
                s.unlockOSThread(m, s.g1, false);
                return userMain.next(Resume.START);
            }
            default -> {
                return userMain.next(resume);
            }
        }
    }

    @Override
    public String position() {
        return stage > 4 ? userMain.position() : "runtime.main()";
    }

    private static GoroutineBody parkForever(WaitReason reason) {
        return r -> new Action.ParkForever(reason);
    }

    private static GoroutineBody sendThenPark(Chan c, WaitReason reason) {
        return new GoroutineBody() {
            private boolean sent;

            @Override
            public Action next(Resume r) {
                if (!sent) {
                    sent = true;
                    return new Action.Send(c, 1);
                }
                return new Action.ParkForever(reason);
            }
        };
    }
}
