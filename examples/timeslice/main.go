// timeslice: 4 CPU-bound goroutines on one P, each burning 100 ms of CPU in
// ONE call-free loop (sim.Work).
//
// With async preemption (default): sysmon's retake sees the same schedtick
// for >= forcePreemptNS (10 ms) and calls preemptone → SIGURG → the G goes to
// the GLOBAL queue (goschedImpl). Because sysmon samples every ~10 ms under
// load, a slice is typically ~20 ms. All four finish near 400 ms.
//
// With GODEBUG=asyncpreemptoff=1: the loop has no function prologue, so the
// cooperative request is never noticed; each goroutine runs to completion:
// finishes at ~100, 200, 300, 400 ms.
//
// First-run order on one P: 3 0 1 2 (runnext, then the local queue).
//
// Caveat seen on real Go 1.19 with asyncpreemptoff=1: sysmon's preemption
// request (gp.stackguard0 = stackPreempt) stays pending while the loop runs,
// and fires at the FIRST function call after sim.Work returns — the
// time.Since that records "finish". So each goroutine is preempted right
// after its loop, before it can record its finish time, and all "finish"
// values come out at the very end. The first-run times (≈0, 100, 200,
// 300 ms) show the run-to-completion behaviour.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"gmplab/sim"
)

const n = 4

func main() {
	runtime.GOMAXPROCS(1)
	sim.Calibrate() // not part of the measurement
	var first, finish [n]time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			first[i] = time.Since(start)
			sim.Work(100 * time.Millisecond)
			finish[i] = time.Since(start)
		}(i)
	}
	wg.Wait()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for i := 0; i < n; i++ {
		fmt.Printf("g%d first-run %6.1fms finish %6.1fms\n", i, ms(first[i]), ms(finish[i]))
	}
	fmt.Println("first-run order:", order(first[:]))
	fmt.Println("finish order:   ", order(finish[:]))
}

func order(t []time.Duration) []int {
	idx := make([]int, len(t))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return t[idx[a]] < t[idx[b]] })
	return idx
}
