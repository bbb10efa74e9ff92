// idle: a program that does nothing for 100 ms.
//
// Shows the start-up threads (gmp-fidelity.md §2): m0, sysmon, and the Ms
// that wakep started for the runtime's own goroutines (bgsweep, bgscavenge,
// forcegchelper) once mainStarted was set. Run it with
// GODEBUG=schedtrace=1: the first line is "SCHED 0ms: ... threads=K".
package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(100 * time.Millisecond)
	fmt.Println("done")
}
