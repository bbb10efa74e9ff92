/**
 * The lesson query language: questions about a recorded run whose answers the
 * simulator computes.
 *
 * <pre>
 * query     := or
 * or        := and ('or' and)*          and := not ('and' not)*       not := 'not' not | cmp
 * cmp       := sum [ ('=' | '==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | 'contains') sum ]
 * sum       := scaled (('+' | '-') scaled)*     scaled := term ['in' (ns | us | ms | s)]  (rounded)
 * term      := '(' query ')' | INT | TIME (10ms, 20us, 3s) | "text" | G5 | M2 | P1 | none | true | false
 *            | 'count' selector                      number of matching events
 *            | 'first' selector | 'last' selector | 'nth' INT selector      one event (or none)
 *            | PROP 'of' term                        a property of an event
 *            | 'list' PROP 'of' selector             the property of every matching event, in order
 *            | 'distinct' PROP 'of' selector         how many different values
 *            | STATE position                        the runtime's state at a point of the run
 *            | RESULT                                how the run ended
 *            | 'schedtrace' …                        a field of a schedtrace log (see below)
 * selector  := EVENT('|'EVENT)* filter*   EVENT: a message key or its prefix (steal, ready.kick, retake.syscall,
 *                                 park.sleep …), an event kind (EXECUTE) or a Go function (runqsteal)
 * filter    := 'of' G | 'on' P | 'by' M | 'from' P (steal victim) | 'with' VALUE (an argument)
 *            | 'user' (user goroutines only) | 'after' term | 'before' term   (an event or a time)
 * PROP      := g | m | p | time | seq | key | victim | n | batch | threads | waker | kicked | text | func
 *            | parent | schedtick | arg0 | arg1 | arg2 | arg3 (the raw narration arguments)
 * STATE     := 'runnext of' P | 'runq of' P | 'runqsize of' P | 'gfree of' P | 'status of' (G|P)
 *            | 'global runq' | 'global runqsize' | 'threads' | 'idleprocs' | 'idlethreads' | 'spinning'
 * position  := 'after' term | 'before' term | 'at' term | 'at end'    (default: at end)
 * RESULT    := prints | 'order of prints' | stdout | stderr | threads | 'max threads' | 'exit code'
 *            | 'end time' | gstructs | events
 * schedtrace:= 'schedtrace' (FIELD | P) 'of' ('record' INT | 'last record') ['in' "file"]
 *            | 'schedtrace max' FIELD ['in' "file"] | 'schedtrace records' ['in' "file"]
 *              FIELD: ms gomaxprocs idleprocs threads spinningthreads idlethreads runqueue local
 *              (without 'in', the run's own stderr, i.e. GODEBUG=schedtrace output)
 * </pre>
 *
 * Values print canonically ({@code 7}, {@code G5}, {@code P1}, lists space-separated,
 * {@code none}); choices are compared with that text, ignoring case and spacing.
 */
package gmplab.lessons.query;
