package gmplab.golang;

/**
 * A Go panic in flight inside the VM, carrying the panic value (an {@link Values.Iface},
 * or null for {@code panic(nil)}). Thrown by instructions and natives, caught by
 * {@link Machine}, which unwinds the goroutine's frames running deferred calls.
 */
final class GoPanic extends RuntimeException {
    final Object value;

    GoPanic(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** A run-time error such as "index out of range [5] with length 3" ({@code runtime.Error}). */
    static GoPanic runtime(String message) {
        return new GoPanic(new Values.Iface(Natives.RUNTIME_ERROR, "runtime error: " + message));
    }

    /** A runtime panic whose message has no "runtime error: " prefix ("send on closed channel"). */
    static GoPanic plain(String message) {
        return new GoPanic(new Values.Iface(Natives.RUNTIME_ERROR, message));
    }

    static GoPanic nilDeref() {
        return runtime("invalid memory address or nil pointer dereference");
    }

    @Override
    public String getMessage() {
        return String.valueOf(value);
    }
}
