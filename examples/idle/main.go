// idle: a program that does nothing for 100 ms.
//
// Shows the start-up threads (gmp-fidelity.md §2): m0, sysmon, and the Ms
// that wakep started for the runtime's own goroutines (bgsweep, bgscavenge,
// forcegchelper) once mainStarted was set. With GODEBUG=schedtrace=1 the
// first line is "SCHED 0ms: ... threads=K".
package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	atStart := procThreads()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("done")
	fmt.Fprintln(os.Stderr, "main-start:", atStart, "final:", procThreads())
}

// procThreads returns the "Threads:" line of /proc/self/status (OS threads).
func procThreads() string {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Threads:") {
			return "os_threads=" + strings.TrimSpace(l[8:])
		}
	}
	return "n/a"
}
