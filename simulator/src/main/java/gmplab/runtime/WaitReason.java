package gmplab.runtime;

/** {@code waitReason} values and their Go 1.19 strings ({@code waitReasonStrings}). */
public enum WaitReason {
    ZERO(""),
    CHAN_RECEIVE("chan receive"),
    CHAN_RECEIVE_NIL_CHAN("chan receive (nil chan)"),
    CHAN_SEND("chan send"),
    CHAN_SEND_NIL_CHAN("chan send (nil chan)"),
    SELECT("select"),
    SELECT_NO_CASES("select (no cases)"),
    SLEEP("sleep"),
    IO_WAIT("IO wait"),
    SEMACQUIRE("semacquire"),
    FORCE_GC_IDLE("force gc (idle)"),
    GC_SWEEP_WAIT("GC sweep wait"),
    GC_SCAVENGE_WAIT("GC scavenge wait"),
    FINALIZER_WAIT("finalizer wait");

    /** What scheddetail prints in {@code status=4(…)} and a goroutine dump in {@code [ … ]}. */
    public final String text;

    WaitReason(String text) {
        this.text = text;
    }
}
