package gmplab.golang;

import gmplab.runtime.Action;
import gmplab.runtime.Chan;

import java.util.ArrayList;
import java.util.List;

/**
 * The static shape of a {@code select} statement. At run time the operand stack
 * holds, per case in source order, the channel and (for a send) the value; the
 * instruction turns them into an {@link Action.Select} and, on resume, pushes the
 * received value, the comma-ok flag and the chosen case index (-1 for default).
 */
final class SelectDesc {
    final boolean[] send;
    final Type[] elem;
    final boolean hasDefault;

    SelectDesc(boolean[] send, Type[] elem, boolean hasDefault) {
        this.send = send;
        this.elem = elem;
        this.hasDefault = hasDefault;
    }

    void start(Machine m, Frame f) {
        int n = send.length;
        int words = 0;
        for (boolean s : send) words += s ? 2 : 1;
        int base = f.sp - words;
        List<Action.SelectCase> cases = new ArrayList<>(n);
        int at = base;
        for (int i = 0; i < n; i++) {
            Chan c = (Chan) f.stack[at++];
            cases.add(send[i] ? Action.SelectCase.send(c, f.stack[at++]) : Action.SelectCase.recv(c));
        }
        for (int i = base; i < f.sp; i++) f.stack[i] = null;
        f.sp = base;
        m.block(new Action.Select(cases, hasDefault), (mm, r) -> {
            int idx = r.index();
            Object v = null;
            if (idx >= 0 && !send[idx]) v = r.ok() ? Stdlib.received(mm, r.value()) : Values.zero(elem[idx]);
            mm.frame.push(v);
            mm.frame.push(r.ok());
            mm.frame.push((long) idx);
        });
    }
}
