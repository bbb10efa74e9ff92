package gmplab.golang;

import gmplab.golang.Natives.Pkg;
import gmplab.golang.Values.*;
import gmplab.runtime.Action;
import gmplab.runtime.Chan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static gmplab.golang.Natives.method;
import static gmplab.golang.Natives.sig;
import static gmplab.golang.Natives.variadic;

/**
 * The simulated standard library: {@code fmt}, {@code time}, {@code runtime}, {@code sync},
 * {@code sync/atomic}, {@code context}, {@code errors}, {@code strings}, {@code strconv},
 * {@code os}, {@code math}, {@code sort}, {@code unicode/utf8} and the intrinsics
 * {@code gmplab/sim}. Everything that touches time, goroutines or output goes through
 * the simulated runtime; nothing reaches the host's files, network or processes.
 */
final class Stdlib {
    private Stdlib() { }

    static final Type DURATION = Type.named("Duration", "time", Type.INT64);
    static final Type TIME = Type.named("Time", "time", Type.INT64);
    static final Type OS_FILE = Type.named("File", "os", Type.struct(List.of("fd"), List.of(Type.INT)));
    static final Type PTR_OS_FILE = Type.pointer(OS_FILE);
    static final Type ERROR_STRING = Type.named("errorString", "errors", Type.struct(List.of("s"), List.of(Type.STRING)));
    static final Type PTR_ERROR_STRING = Type.pointer(ERROR_STRING);
    static final Type WRAP_ERROR = Type.named("wrapError", "fmt", Type.struct(List.of("msg", "err"), List.of(Type.STRING, Type.ERROR)));
    static final Type PTR_WRAP_ERROR = Type.pointer(WRAP_ERROR);
    static final Type NUM_ERROR = Type.named("NumError", "strconv",
            Type.struct(List.of("Func", "Num", "Err"), List.of(Type.STRING, Type.STRING, Type.ERROR)));
    static final Type PTR_NUM_ERROR = Type.pointer(NUM_ERROR);
    static final Type UNSAFE = typeUnsafe();

    private static Type typeUnsafe() {
        try {
            java.lang.reflect.Constructor<Type> c = Type.class.getDeclaredConstructor(Type.Kind.class);
            c.setAccessible(true);
            return c.newInstance(Type.Kind.UNSAFE_POINTER);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Type WAITGROUP = opaque("WaitGroup", "sync");
    static final Type MUTEX = opaque("Mutex", "sync");
    static final Type RWMUTEX = opaque("RWMutex", "sync");
    static final Type ONCE = opaque("Once", "sync");
    static final Type LOCKER = Type.named("Locker", "sync", null);
    static final Type COND = Type.named("Cond", "sync", null);
    static final Type BUILDER = opaque("Builder", "strings");
    static final Type ATOMIC_INT64 = opaque("Int64", "atomic");
    static final Type ATOMIC_INT32 = opaque("Int32", "atomic");
    static final Type TIMER = Type.named("Timer", "time", null);
    static final Type TICKER = Type.named("Ticker", "time", null);
    static final Type CONTEXT = Type.named("Context", "context", null);
    static final Type CANCEL_CTX = opaque("cancelCtx", "context");
    static final Type PTR_CANCEL_CTX = Type.pointer(CANCEL_CTX);
    static final Type CANCEL_FUNC = Type.named("CancelFunc", "context", Type.func(List.of(), List.of(), false));
    static final Type EMPTY_STRUCT = Type.struct(List.of(), List.of());

    /** A library struct type whose single hidden field holds a Java object. */
    private static Type opaque(String name, String pkg) {
        return Type.named(name, pkg, Type.struct(List.of("state"), List.of(UNSAFE)));
    }

    /** The Java object behind an opaque library value, created on first use. */
    @SuppressWarnings("unchecked")
    private static <T> T handle(Object recv, java.util.function.Supplier<T> make) {
        if (recv == null) throw GoPanic.nilDeref();
        StructVal s = (StructVal) recv;
        if (s.f[0] == null) s.f[0] = make.get();
        return (T) s.f[0];
    }

    static final Object STDOUT = new StructVal(OS_FILE, new Object[]{1L});
    static final Object STDERR = new StructVal(OS_FILE, new Object[]{2L});

    private static final Map<String, Pkg> PACKAGES = new HashMap<>();

    static Pkg lookup(String path) {
        synchronized (PACKAGES) {
            if (PACKAGES.isEmpty()) build();
            return PACKAGES.get(path);
        }
    }

    private static List<Type> L(Type... ts) {
        return List.of(ts);
    }

    private static void build() {
        Type any = Type.ANY;
        Type anys = Type.slice(any);
        Type str = Type.STRING;
        Type i = Type.INT;
        Type b = Type.BOOL;
        Type err = Type.ERROR;
        Type f64 = Type.FLOAT64;

        // ---------------------------------------------------------------- errors
        method(PTR_ERROR_STRING.elem, "Error", true, sig(L(), str), (m, a) -> ((StructVal) a[0]).f[0]);
        method(WRAP_ERROR, "Error", true, sig(L(), str), (m, a) -> ((StructVal) a[0]).f[0]);
        method(WRAP_ERROR, "Unwrap", true, sig(L(), err), (m, a) -> ((StructVal) a[0]).f[1]);
        method(NUM_ERROR, "Error", true, sig(L(), str), (m, a) -> {
            StructVal s = (StructVal) a[0];
            return "strconv." + s.f[0] + ": parsing " + Fmt.quote((String) s.f[1]) + ": " + Fmt.callStringMethod(m, (Iface) s.f[2]);
        });
        put(new Pkg("errors", "errors")
                .func("New", sig(L(str), err), (m, a) -> newError((String) a[0]))
                .func("Is", sig(L(err, err), b), (m, a) -> errorsIs(m, a[0], a[1]))
                .func("Unwrap", sig(L(err), err), (m, a) -> unwrap(m, a[0]))
                .func("As", sig(L(err, any), b), (m, a) -> errorsAs(m, a[0], a[1])));

        // ---------------------------------------------------------------- fmt
        Pkg fmt = new Pkg("fmt", "fmt")
                .func("Println", variadic(L(anys)), (m, a) -> print(m, Fmt.sprintln(m, Natives.elems(a[0])), false))
                .func("Print", variadic(L(anys)), (m, a) -> print(m, Fmt.sprint(m, Natives.elems(a[0])), false))
                .func("Printf", variadic(L(str, anys)), (m, a) -> print(m, Fmt.sprintf(m, (String) a[0], Natives.elems(a[1])), false))
                .func("Sprintf", variadic(L(str, anys), str), (m, a) -> Fmt.sprintf(m, (String) a[0], Natives.elems(a[1])))
                .func("Sprint", variadic(L(anys), str), (m, a) -> Fmt.sprint(m, Natives.elems(a[0])))
                .func("Sprintln", variadic(L(anys), str), (m, a) -> Fmt.sprintln(m, Natives.elems(a[0])))
                .func("Errorf", variadic(L(str, anys), err), (m, a) -> errorf(m, (String) a[0], Natives.elems(a[1])))
                .func("Fprintln", variadic(L(any, anys)), (m, a) -> fprint(m, a[0], Fmt.sprintln(m, Natives.elems(a[1]))))
                .func("Fprint", variadic(L(any, anys)), (m, a) -> fprint(m, a[0], Fmt.sprint(m, Natives.elems(a[1]))))
                .func("Fprintf", variadic(L(any, str, anys)), (m, a) -> fprint(m, a[0], Fmt.sprintf(m, (String) a[1], Natives.elems(a[2]))));
        put(fmt);

        // ---------------------------------------------------------------- os
        put(new Pkg("os", "os")
                .func("Exit", sig(L(i)), (m, a) -> {
                    m.block(new Action.OsExit((int) (long) (Long) a[0]), null);
                    return null;
                })
                .dynamicVar("Args", Type.slice(Type.STRING), (m, a) -> m.prog.args)
                .func("Getenv", sig(L(str), str), (m, a) -> "")
                .func("ReadFile", sig(L(str), Type.slice(Type.UINT8), err), (m, a) -> new Object[]{null, sandboxed("open", (String) a[0])})
                .func("Create", sig(L(str), PTR_OS_FILE, err), (m, a) -> new Object[]{null, sandboxed("open", (String) a[0])})
                .func("Open", sig(L(str), PTR_OS_FILE, err), (m, a) -> new Object[]{null, sandboxed("open", (String) a[0])})
                .var("Stdout", PTR_OS_FILE, STDOUT)
                .var("Stderr", PTR_OS_FILE, STDERR)
                .type("File", OS_FILE));

        // ---------------------------------------------------------------- time
        Pkg time = new Pkg("time", "time").type("Duration", DURATION).type("Time", TIME)
                .type("Timer", TIMER).type("Ticker", TICKER);
        long[] units = {1, 1_000, 1_000_000, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
        String[] unitNames = {"Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour"};
        for (int k = 0; k < units.length; k++) time.constant(unitNames[k], DURATION, units[k]);
        time.constant("Kitchen", Type.UNTYPED_STRING, "3:04PM").constant("RFC3339", Type.UNTYPED_STRING, "2006-01-02T15:04:05Z07:00")
                .constant("DateTime", Type.UNTYPED_STRING, "2006-01-02 15:04:05")
                .constant("Stamp", Type.UNTYPED_STRING, "Jan _2 15:04:05");
        method(DURATION, "String", false, sig(L(), str), (m, a) -> durationString((Long) a[0]));
        method(DURATION, "Seconds", false, sig(L(), f64), (m, a) -> (Long) a[0] / 1e9);
        method(DURATION, "Minutes", false, sig(L(), f64), (m, a) -> (Long) a[0] / 6e10);
        method(DURATION, "Hours", false, sig(L(), f64), (m, a) -> (Long) a[0] / 3.6e12);
        method(DURATION, "Milliseconds", false, sig(L(), Type.INT64), (m, a) -> (Long) a[0] / 1_000_000);
        method(DURATION, "Microseconds", false, sig(L(), Type.INT64), (m, a) -> (Long) a[0] / 1_000);
        method(DURATION, "Nanoseconds", false, sig(L(), Type.INT64), (m, a) -> a[0]);
        method(DURATION, "Round", false, sig(L(DURATION), DURATION), (m, a) -> round((Long) a[0], (Long) a[1]));
        method(DURATION, "Truncate", false, sig(L(DURATION), DURATION), (m, a) -> (Long) a[1] <= 0 ? a[0] : (Long) a[0] - (Long) a[0] % (Long) a[1]);
        method(TIME, "Sub", false, sig(L(TIME), DURATION), (m, a) -> (Long) a[0] - (Long) a[1]);
        method(TIME, "String", false, sig(L(), str), (m, a) -> timeString((Long) a[0]));
        method(TIME, "Format", false, sig(L(str), str), (m, a) -> timeFormat((Long) a[0], (String) a[1]));
        method(TIME, "Add", false, sig(L(DURATION), TIME), (m, a) -> (Long) a[0] + (Long) a[1]);
        method(TIME, "Before", false, sig(L(TIME), b), (m, a) -> (Long) a[0] < (Long) a[1]);
        method(TIME, "After", false, sig(L(TIME), b), (m, a) -> (Long) a[0] > (Long) a[1]);
        method(TIME, "Equal", false, sig(L(TIME), b), (m, a) -> ((Long) a[0]).equals(a[1]));
        method(TIME, "Unix", false, sig(L(), Type.INT64), (m, a) -> Math.floorDiv((Long) a[0], 1_000_000_000L));
        method(TIME, "UnixNano", false, sig(L(), Type.INT64), (m, a) -> a[0]);
        method(TIME, "UnixMilli", false, sig(L(), Type.INT64), (m, a) -> (Long) a[0] / 1_000_000);
        Type timeChan = Type.chan(TIME, Type.RECV);
        TIMER.underlying = Type.struct(List.of("C", "r"), List.of(timeChan, UNSAFE));
        TICKER.underlying = Type.struct(List.of("C"), List.of(timeChan));
        method(TIMER, "Stop", true, sig(L(), b), (m, a) -> Timers.stop(m, a[0]));
        method(TIMER, "Reset", true, sig(L(DURATION), b), (m, a) -> Timers.reset(m, a[0], (Long) a[1]));
        method(TICKER, "Stop", true, sig(L()), (m, a) -> Timers.stopTicker(m, a[0]));
        time.func("Sleep", sig(L(DURATION)), (m, a) -> {
                    m.block(new Action.Sleep(Math.max(0, (Long) a[0])), null);
                    return null;
                })
                .func("Now", sig(L(), TIME), (m, a) -> now(m))
                .func("Since", sig(L(TIME), DURATION), (m, a) -> now(m) - (Long) a[0])
                .func("Until", sig(L(TIME), DURATION), (m, a) -> (Long) a[0] - now(m))
                .func("After", sig(L(DURATION), timeChan), (m, a) -> startTimer(m, (Long) a[0], 0))
                .func("Tick", sig(L(DURATION), timeChan), (m, a) -> (Long) a[0] <= 0 ? null : startTimer(m, (Long) a[0], (Long) a[0]))
                .func("NewTimer", sig(L(DURATION), Type.pointer(TIMER)), (m, a) -> Timers.newTimer(m, (Long) a[0]))
                .func("AfterFunc", sig(L(DURATION, Type.func(L(), L(), false)), Type.pointer(TIMER)), (m, a) ->
                        Timers.afterFunc(m, (Long) a[0], a[1]))
                .func("NewTicker", sig(L(DURATION), Type.pointer(TICKER)), (m, a) -> {
                    if ((Long) a[0] <= 0) throw GoPanic.plain("non-positive interval for NewTicker");
                    return new StructVal(TICKER, new Object[]{startTimer(m, (Long) a[0], (Long) a[0])});
                });
        put(time);

        // ---------------------------------------------------------------- runtime
        put(new Pkg("runtime", "runtime")
                .func("Gosched", sig(L()), (m, a) -> block(m, new Action.Gosched()))
                .func("GOMAXPROCS", sig(L(i), i), Stdlib::gomaxprocs)
                .func("NumGoroutine", sig(L(), i), (m, a) -> (long) m.prog.host.numGoroutine())
                .func("NumCPU", sig(L(), i), (m, a) -> (long) m.prog.host.ncpu())
                .func("LockOSThread", sig(L()), (m, a) -> block(m, new Action.LockOSThread()))
                .func("UnlockOSThread", sig(L()), (m, a) -> block(m, new Action.UnlockOSThread()))
                .func("GC", sig(L()), (m, a) -> null)
                .func("Goexit", sig(L()), (m, a) -> {
                    throw GoPanic.plain("not supported by GMP Lab: runtime.Goexit");
                })
                .type("Error", Natives.RUNTIME_ERROR));

        // ---------------------------------------------------------------- sync
        method(WAITGROUP, "Add", true, sig(L(i)), (m, a) ->
                block(m, new Action.WgAdd(handle(a[0], gmplab.runtime.WaitGroup::new), (int) (long) (Long) a[1])));
        method(WAITGROUP, "Done", true, sig(L()), (m, a) ->
                block(m, new Action.WgAdd(handle(a[0], gmplab.runtime.WaitGroup::new), -1)));
        method(WAITGROUP, "Wait", true, sig(L()), (m, a) ->
                block(m, new Action.WgWait(handle(a[0], gmplab.runtime.WaitGroup::new))));
        method(MUTEX, "Lock", true, sig(L()), (m, a) -> block(m, new Action.Lock(handle(a[0], gmplab.runtime.Mutex::new))));
        method(MUTEX, "Unlock", true, sig(L()), (m, a) -> unlock(m, handle(a[0], gmplab.runtime.Mutex::new)));
        // RWMutex on the runtime's primitives: a writer mutex (readers take it only for a moment,
        // so they share) and a WaitGroup counting active readers, which a writer waits for.
        method(RWMUTEX, "Lock", true, sig(L()), (m, a) -> {
            RW rw = handle(a[0], RW::new);
            m.emit(new Action.Lock(rw.w));
            m.emit(new Action.WgWait(rw.readers));
            return null;
        });
        method(RWMUTEX, "Unlock", true, sig(L()), (m, a) -> unlock(m, ((RW) handle(a[0], RW::new)).w));
        method(RWMUTEX, "RLock", true, sig(L()), (m, a) -> {
            RW rw = handle(a[0], RW::new);
            m.emit(new Action.Lock(rw.w));
            m.emit(new Action.WgAdd(rw.readers, 1));
            m.emit(new Action.Unlock(rw.w));
            return null;
        });
        method(RWMUTEX, "RUnlock", true, sig(L()), (m, a) -> {
            RW rw = handle(a[0], RW::new);
            if (rw.readers.counter() <= 0) {
                m.fatalError("sync: RUnlock of unlocked RWMutex");
                return null;
            }
            m.emit(new Action.WgAdd(rw.readers, -1));
            return null;
        });
        method(ONCE, "Do", true, sig(L(Type.func(L(), L(), false))), (m, a) -> {
            boolean[] done = handle(a[0], () -> new boolean[1]);
            if (!done[0]) {
                done[0] = true;
                m.callGo(a[1]);
            }
            return null;
        });
        java.util.Map<String, Type> lockerMethods = new java.util.LinkedHashMap<>();
        lockerMethods.put("Lock", sig(L()));
        lockerMethods.put("Unlock", sig(L()));
        LOCKER.underlying = Type.iface(lockerMethods);
        COND.underlying = Type.struct(List.of("L", "waiters"), List.of(LOCKER, UNSAFE));
        // Cond on channels: each waiter parks on its own channel, which Signal/Broadcast close
        method(COND, "Wait", true, sig(L()), (m, a) -> {
            StructVal c = (StructVal) a[0];
            if (c == null) throw GoPanic.nilDeref();
            java.util.ArrayDeque<Chan> q = condQueue(c);
            Chan ch = new Chan(0, "cond.wait");
            q.add(ch);
            Object l = c.f[0];
            StringsPkg.callMethod(m, l, "Unlock");
            m.emit(new Action.Recv(ch));
            // relock after waking: the Lock action follows the receive
            Iface li = (Iface) l;
            Type.Method lock = li.type().method("Lock");
            if (lock.nat != null && li.value() instanceof StructVal sv && sv.type == MUTEX) {
                m.emit(new Action.Lock(handle(sv, gmplab.runtime.Mutex::new)));
            } else {
                throw GoPanic.plain("not supported by GMP Lab: sync.Cond with a Locker other than *sync.Mutex");
            }
            return null;
        });
        method(COND, "Signal", true, sig(L()), (m, a) -> {
            java.util.ArrayDeque<Chan> q = condQueue((StructVal) a[0]);
            if (!q.isEmpty()) m.emit(new Action.Close(q.poll()));
            return null;
        });
        method(COND, "Broadcast", true, sig(L()), (m, a) -> {
            java.util.ArrayDeque<Chan> q = condQueue((StructVal) a[0]);
            while (!q.isEmpty()) m.emit(new Action.Close(q.poll()));
            return null;
        });
        put(new Pkg("sync", "sync").type("WaitGroup", WAITGROUP).type("Mutex", MUTEX).type("RWMutex", RWMUTEX)
                .type("Once", ONCE).type("Locker", LOCKER).type("Cond", COND)
                .func("NewCond", sig(L(LOCKER), Type.pointer(COND)), (m, a) -> new StructVal(COND, new Object[]{a[0], null})));

        // ---------------------------------------------------------------- sync/atomic
        Pkg atomic = new Pkg("sync/atomic", "atomic");
        for (Type t : new Type[]{Type.INT32, Type.INT64}) {
            String sfx = t == Type.INT32 ? "Int32" : "Int64";
            int w = t == Type.INT32 ? 32 : 64;
            Type p = Type.pointer(t);
            atomic.func("Add" + sfx, sig(L(p, t), t), (m, a) -> {
                        Ref r = ref(a[0]);
                        long v = Machine.wrap((Long) r.get() + (Long) a[1], w);
                        r.set(v);
                        return v;
                    })
                    .func("Load" + sfx, sig(L(p), t), (m, a) -> ref(a[0]).get())
                    .func("Store" + sfx, sig(L(p, t)), (m, a) -> {
                        ref(a[0]).set(a[1]);
                        return null;
                    })
                    .func("Swap" + sfx, sig(L(p, t), t), (m, a) -> {
                        Ref r = ref(a[0]);
                        Object old = r.get();
                        r.set(a[1]);
                        return old;
                    })
                    .func("CompareAndSwap" + sfx, sig(L(p, t, t), b), (m, a) -> {
                        Ref r = ref(a[0]);
                        if (r.get().equals(a[1])) {
                            r.set(a[2]);
                            return true;
                        }
                        return false;
                    });
        }
        for (Type at : new Type[]{ATOMIC_INT32, ATOMIC_INT64}) {
            Type t = at == ATOMIC_INT32 ? Type.INT32 : Type.INT64;
            int w = at == ATOMIC_INT32 ? 32 : 64;
            method(at, "Add", true, sig(L(t), t), (m, a) -> {
                long[] h = handle(a[0], () -> new long[1]);
                h[0] = Machine.wrap(h[0] + (Long) a[1], w);
                return h[0];
            });
            method(at, "Load", true, sig(L(), t), (m, a) -> ((long[]) handle(a[0], () -> new long[1]))[0]);
            method(at, "Store", true, sig(L(t)), (m, a) -> {
                ((long[]) handle(a[0], () -> new long[1]))[0] = (Long) a[1];
                return null;
            });
            method(at, "CompareAndSwap", true, sig(L(t, t), b), (m, a) -> {
                long[] h = handle(a[0], () -> new long[1]);
                if (h[0] == (Long) a[1]) {
                    h[0] = (Long) a[2];
                    return true;
                }
                return false;
            });
            atomic.type(at.name, at);
        }
        put(atomic);

        // ---------------------------------------------------------------- context
        Contexts.define(any, err);
        put(new Pkg("context", "context").type("Context", CONTEXT).type("CancelFunc", CANCEL_FUNC)
                .var("Canceled", err, Contexts.CANCELED)
                .var("DeadlineExceeded", err, Contexts.DEADLINE_EXCEEDED)
                .func("Background", sig(L(), CONTEXT), (m, a) -> Contexts.BACKGROUND)
                .func("TODO", sig(L(), CONTEXT), (m, a) -> Contexts.BACKGROUND)
                .func("WithCancel", sig(L(CONTEXT), CONTEXT, CANCEL_FUNC), (m, a) -> Contexts.withCancel(m, a[0], -1))
                .func("WithTimeout", sig(L(CONTEXT, DURATION), CONTEXT, CANCEL_FUNC), (m, a) ->
                        Contexts.withCancel(m, a[0], (Long) a[1]))
                .func("WithDeadline", sig(L(CONTEXT, TIME), CONTEXT, CANCEL_FUNC), (m, a) ->
                        Contexts.withCancel(m, a[0], (Long) a[1] - now(m))));

        // ---------------------------------------------------------------- strings, strconv, math, sort, unicode
        StringsPkg.define(PACKAGES);

        // ---------------------------------------------------------------- math/rand (deterministic per run)
        put(new Pkg("math/rand", "rand")
                .func("Seed", sig(L(Type.INT64)), (m, a) -> {
                    m.prog.rand = new java.util.Random((Long) a[0]);
                    return null;
                })
                .func("Intn", sig(L(i), i), (m, a) -> {
                    long n = (Long) a[0];
                    if (n <= 0) throw GoPanic.plain("invalid argument to Intn");
                    return (long) (n <= Integer.MAX_VALUE ? m.prog.rand.nextInt((int) n) : Math.floorMod(m.prog.rand.nextLong(), n));
                })
                .func("Int63n", sig(L(Type.INT64), Type.INT64), (m, a) -> {
                    long n = (Long) a[0];
                    if (n <= 0) throw GoPanic.plain("invalid argument to Int63n");
                    return Math.floorMod(m.prog.rand.nextLong(), n);
                })
                .func("Int", sig(L(), i), (m, a) -> m.prog.rand.nextLong() >>> 1)
                .func("Int63", sig(L(), Type.INT64), (m, a) -> m.prog.rand.nextLong() >>> 1)
                .func("Float64", sig(L(), f64), (m, a) -> m.prog.rand.nextDouble())
                .func("Perm", sig(L(i), Type.slice(i)), (m, a) -> {
                    int n = (int) (long) (Long) a[0];
                    Object[] p = new Object[n];
                    for (int k = 0; k < n; k++) p[k] = (long) k;
                    for (int k = n - 1; k > 0; k--) {
                        int j = m.prog.rand.nextInt(k + 1);
                        Object t = p[k];
                        p[k] = p[j];
                        p[j] = t;
                    }
                    return Natives.sliceOf(p);
                })
                .func("Shuffle", sig(L(i, Type.func(L(i, i), L(), false))), (m, a) -> {
                    long n = (Long) a[0];
                    for (long k = n - 1; k > 0; k--) m.callSync(a[1], k, (long) m.prog.rand.nextInt((int) k + 1));
                    return null;
                }));

        // ---------------------------------------------------------------- runtime/trace (no-op: use --trace-out)
        put(new Pkg("runtime/trace", "trace")
                .func("Start", sig(L(any), err), (m, a) -> null)
                .func("Stop", sig(L()), (m, a) -> null));

        // ---------------------------------------------------------------- gmplab/sim
        put(new Pkg("gmplab/sim", "sim")
                .func("Calibrate", sig(L()), (m, a) -> null)
                .func("Work", sig(L(DURATION)), (m, a) -> block(m, new Action.Compute(Math.max(0, (Long) a[0]), false)))
                .func("Syscall", sig(L(DURATION)), (m, a) -> block(m, new Action.Syscall(Math.max(0, (Long) a[0]))))
                .func("NetWait", sig(L(DURATION)), (m, a) -> block(m, Action.NetWait.after(Math.max(0, (Long) a[0])))));
    }

    /** The error every host file operation gets: GMP Lab programs are sandboxed. */
    private static Iface sandboxed(String op, String path) {
        return newError(op + " " + path + ": permission denied (GMP Lab programs cannot touch host files)");
    }

    static void put(Pkg p) {
        PACKAGES.put(p.path, p);
    }

    @SuppressWarnings("unchecked")
    private static java.util.ArrayDeque<Chan> condQueue(StructVal c) {
        if (c == null) throw GoPanic.nilDeref();
        if (c.f[1] == null) c.f[1] = new java.util.ArrayDeque<Chan>();
        return (java.util.ArrayDeque<Chan>) c.f[1];
    }

    /** The state of a {@code sync.RWMutex}. */
    private static final class RW {
        final gmplab.runtime.Mutex w = new gmplab.runtime.Mutex("rwmutex.w");
        final gmplab.runtime.WaitGroup readers = new gmplab.runtime.WaitGroup("rwmutex.readers");
    }

    /**
     * {@code runtime.GOMAXPROCS(n)}: reports the current setting; a new positive value stops
     * the world and resizes the Ps ({@link Action.Gomaxprocs}), answering the previous one.
     * (A constant call at the top of main has usually been applied before the run started,
     * see {@link GoProgram#configure}, so it finds nothing to change.)
     */
    private static Object gomaxprocs(Machine m, Object[] a) {
        long current = m.prog.host.gomaxprocs();
        long n = (Long) a[0];
        if (n <= 0 || n == current) return current;
        m.block(new Action.Gomaxprocs((int) Math.min(n, 1024)), (mm, r) -> {
            mm.frame.pop();
            mm.frame.push(((Integer) r.value()).longValue());
        });
        return current;
    }

    private static Object block(Machine m, Action a) {
        m.block(a, null);
        return null;
    }

    private static Object unlock(Machine m, gmplab.runtime.Mutex mu) {
        if (!mu.isLocked()) {
            m.fatalError("sync: unlock of unlocked mutex");
            return null;
        }
        m.block(new Action.Unlock(mu), null);
        return null;
    }

    private static Ref ref(Object p) {
        if (p == null) throw GoPanic.nilDeref();
        return (Ref) p;
    }

    private static Object print(Machine m, String text, boolean stderr) {
        m.emit(new Action.Print(GoString.toJava(text), stderr));
        return null;
    }

    private static Object fprint(Machine m, Object w, String text) {
        if (w instanceof Iface i && i.value() instanceof StructVal s && s.type == OS_FILE) {
            return print(m, text, (Long) s.f[0] == 2);
        }
        if (w instanceof Iface i && i.type().method("WriteString") != null && i.value() instanceof StructVal s && s.type == BUILDER) {
            StringBuilder sb = handle(s, StringBuilder::new);
            sb.append(text);
            return null;
        }
        throw GoPanic.plain("not supported by GMP Lab: fmt.Fprint to " + (w == null ? "nil" : ((Iface) w).type()));
    }

    static long now(Machine m) {
        return WALL_EPOCH + m.prog.host.nanotime() + m.unreportedNs();
    }

    /** {@code Time.String}: "2009-11-10 23:00:00.5 +0000 UTC m=+0.500000001" (UTC, virtual monotonic clock). */
    static String timeString(long t) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L),
                (int) Math.floorMod(t, 1_000_000_000L), java.time.ZoneOffset.UTC);
        String frac = String.format("%09d", d.getNano()).replaceAll("0+$", "");
        long mono = t - WALL_EPOCH;
        return String.format("%04d-%02d-%02d %02d:%02d:%02d%s +0000 UTC m=%s%d.%09d", d.getYear(), d.getMonthValue(),
                d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond(), frac.isEmpty() ? "" : "." + frac,
                mono < 0 ? "-" : "+", Math.abs(mono) / 1_000_000_000L, Math.abs(mono) % 1_000_000_000L);
    }

    /** {@code Time.Format} for the common layout elements (2006 01 02 15 03 04 05 .000 PM Mon Jan MST -0700). */
    static String timeFormat(long t, String layout) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L),
                (int) Math.floorMod(t, 1_000_000_000L), java.time.ZoneOffset.UTC);
        String[][] elems = {{"2006", "%04d"}, {"January", "MONTH"}, {"Jan", "MON"}, {"Monday", "WEEKDAY"}, {"Mon", "WDAY"},
                {"MST", "UTC"}, {"-0700", "+0000"}, {"Z07:00", "Z"}, {"01", "%02d"}, {"02", "%02d"}, {"15", "%02d"},
                {"03", "%02d"}, {"04", "%02d"}, {"05", "%02d"}, {"PM", "AMPM"}, {"06", "%02d"}, {"_2", "%2d"},
                {"3", "%d"}, {"4", "%d"}, {"5", "%d"}};
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < layout.length()) {
            if (layout.startsWith(".000", i) || layout.startsWith(".999", i)) {
                int n = 1;
                char ch = layout.charAt(i + 1);
                while (i + n < layout.length() && layout.charAt(i + n) == ch) n++;
                String digits = String.format("%09d", d.getNano()).substring(0, Math.min(9, n - 1));
                if (ch == '9') digits = digits.replaceAll("0+$", "");
                if (!digits.isEmpty() || ch == '0') out.append('.').append(digits);
                i += n;
                continue;
            }
            for (String[] e : elems) {
                if (!layout.startsWith(e[0], i)) continue;
                switch (e[0]) {
                    case "2006" -> out.append(String.format("%04d", d.getYear()));
                    case "06" -> out.append(String.format("%02d", d.getYear() % 100));
                    case "January" -> out.append(cap(d.getMonth().name()));
                    case "Jan" -> out.append(cap(d.getMonth().name()).substring(0, 3));
                    case "Monday" -> out.append(cap(d.getDayOfWeek().name()));
                    case "Mon" -> out.append(cap(d.getDayOfWeek().name()).substring(0, 3));
                    case "01" -> out.append(String.format("%02d", d.getMonthValue()));
                    case "02" -> out.append(String.format("%02d", d.getDayOfMonth()));
                    case "15" -> out.append(String.format("%02d", d.getHour()));
                    case "03" -> out.append(String.format("%02d", d.getHour() % 12 == 0 ? 12 : d.getHour() % 12));
                    case "04" -> out.append(String.format("%02d", d.getMinute()));
                    case "05" -> out.append(String.format("%02d", d.getSecond()));
                    case "PM" -> out.append(d.getHour() >= 12 ? "PM" : "AM");
                    case "_2" -> out.append(String.format("%2d", d.getDayOfMonth()));
                    case "3" -> out.append(d.getHour() % 12 == 0 ? 12 : d.getHour() % 12);
                    case "4" -> out.append(d.getMinute());
                    case "5" -> out.append(d.getSecond());
                    default -> out.append(e[1]);
                }
                i += e[0].length();
                continue outer;
            }
            out.append(layout.charAt(i++));
        }
        return out.toString();
    }

    private static String cap(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase();
    }

    /** Virtual wall clock starts at the Go playground's epoch, 2009-11-10 23:00:00 UTC. */
    static final long WALL_EPOCH = 1257894000L * 1_000_000_000L;

    private static Chan startTimer(Machine m, long d, long period) {
        Chan c = new Chan(1, "time.C");
        long first = m.prog.host.nanotime() + m.unreportedNs() + Math.max(0, d);
        Object value = period > 0 ? new TickStamp(first, period) : WALL_EPOCH + first;
        m.block(new Action.StartTimer(Math.max(0, d), c, value, period), null);
        return c;
    }

    /**
     * The value a periodic timer sends: the engine sends the same object every period, so
     * the time of the tick is worked out when it is received (the latest tick not after now).
     */
    record TickStamp(long first, long period) {
        long resolve(long nowVirtual) {
            long k = nowVirtual <= first ? 0 : (nowVirtual - first) / period;
            return WALL_EPOCH + first + k * period;
        }
    }

    /** A value received from a channel: tick stamps become the time of the tick. */
    static Object received(Machine m, Object v) {
        return v instanceof TickStamp ts ? (Object) ts.resolve(m.prog.host.nanotime()) : v;
    }

    static Iface newError(String msg) {
        return new Iface(PTR_ERROR_STRING, new StructVal(ERROR_STRING, new Object[]{msg}));
    }

    private static Object errorf(Machine m, String format, List<Object> args) {
        String msg = Fmt.sprintf(m, format.replace("%w", "%v"), args);
        int w = format.indexOf("%w");
        if (w < 0) return newError(msg);
        // the wrapped error is the argument consumed by %w
        int argIndex = 0;
        for (int k = 0; k < w; k++) {
            if (format.charAt(k) == '%') {
                if (k + 1 < format.length() && format.charAt(k + 1) == '%') {
                    k++;
                } else argIndex++;
            }
        }
        Object wrapped = argIndex < args.size() ? args.get(argIndex) : null;
        return new Iface(PTR_WRAP_ERROR, new StructVal(WRAP_ERROR, new Object[]{msg, wrapped}));
    }

    private static Object unwrap(Machine m, Object e) {
        if (!(e instanceof Iface i)) return null;
        Type.Method u = i.type().method("Unwrap");
        if (u == null || !u.sig.types.isEmpty() || u.sig.results.size() != 1) return null;
        if (u.nat != null) return u.nat.call(m, new Object[]{i.value()});
        return m.callSync(new BoundMethod(u.code, i.value()));
    }

    private static boolean errorsIs(Machine m, Object e, Object target) {
        for (int depth = 0; e != null && depth < 100; depth++) {
            if (target != null && e instanceof Iface ie && ie.type().comparable() && Values.equal(e, target)) return true;
            e = unwrap(m, e);
        }
        return e == target;
    }

    /**
     * {@code errors.As}: the first error in the chain whose type is the target's element type
     * (or implements it, for an interface) is stored through the target pointer.
     */
    private static boolean errorsAs(Machine m, Object e, Object target) {
        if (!(target instanceof Iface t) || t.type().uk() != Type.Kind.POINTER || t.value() == null) {
            throw GoPanic.plain("errors: target must be a non-nil pointer");
        }
        Type want = t.type().u().elem;
        for (int depth = 0; e != null && depth < 100; depth++) {
            if (Ops.hasType(e, want)) {
                Object v = want.isInterface() ? e : ((Iface) e).value();
                Object dst = t.value();
                if (dst instanceof Ref r) {
                    r.set(v);
                } else if (dst instanceof StructVal sv) {
                    System.arraycopy(((StructVal) Values.copy(v)).f, 0, sv.f, 0, sv.f.length);
                }
                return true;
            }
            e = unwrap(m, e);
        }
        return false;
    }

    private static long round(long d, long m) {
        if (m <= 0) return d;
        long r = d % m;
        if (d < 0) {
            r = -r;
            return r + r < m ? d + r : d - m + r;
        }
        return r + r < m ? d - r : d + m - r;
    }

    /** {@code time.Duration.String}: "1h2m3.5s", "1.5ms", "0s". */
    static String durationString(long d) {
        if (d == 0) return "0s";
        boolean neg = d < 0;
        long u = neg ? -d : d;
        StringBuilder sb = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            String unit;
            long div;
            if (u < 1_000) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000) {
                unit = "µs";
                div = 1_000;
            } else {
                unit = "ms";
                div = 1_000_000;
            }
            sb.append(fraction(u, div)).append(unit);
        } else {
            long secs = Long.divideUnsigned(u, 1_000_000_000L);
            long frac = Long.remainderUnsigned(u, 1_000_000_000L);
            long h = secs / 3600, mnt = secs / 60 % 60, s = secs % 60;
            if (h > 0) sb.append(h).append('h');
            if (h > 0 || mnt > 0) sb.append(mnt).append('m');
            sb.append(fraction(s * 1_000_000_000L + frac, 1_000_000_000L)).append('s');
        }
        return GoString.fromJava((neg ? "-" : "") + sb);
    }

    private static String fraction(long v, long div) {
        long whole = v / div;
        long frac = v % div;
        if (frac == 0) return Long.toString(whole);
        String fs = Long.toString(frac);
        int digits = Long.toString(div).length() - 1;
        while (fs.length() < digits) fs = "0" + fs;
        fs = fs.replaceAll("0+$", "");
        return whole + "." + fs;
    }

    static List<Object> list(Object... xs) {
        return new ArrayList<>(Arrays.asList(xs));
    }
}
