// steal: work stealing after a spawn burst.
//
// GOMAXPROCS(4). main (on some P, call it Pm) spawns 1000 short workers
// (sim.Work(100µs) each) and waits. Every `go` goes to Pm's runnext/local
// queue (overflowing to the global queue past 256) and calls wakep(), which
// starts ONE spinning M at a time; a spinning M that finds work calls
// resetspinning → wakep, so the other Ps join one by one and steal half of
// Pm's ring (runqsteal) or take from the global queue.
//
// stdout says when every worker has run (deterministic); how the work was
// spread over the Ps is read from GODEBUG=schedtrace=1 (per-P queues, global
// queue, spinning threads), and the timings go to stderr.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"gmplab/sim"
)

const workers = 1000

func main() {
	runtime.GOMAXPROCS(4)
	sim.Calibrate()
	var ran [workers]bool
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ran[i] = true
			sim.Work(100 * time.Microsecond)
		}(i)
	}
	spawned := time.Since(start)
	wg.Wait()
	el := time.Since(start)

	done := 0
	for _, r := range ran {
		if r {
			done++
		}
	}
	fmt.Printf("workers=%d ran=%d\n", workers, done)
	fmt.Fprintf(os.Stderr, "spawn-burst=%v total=%v (ideal on 4 Ps: %v)\n",
		spawned.Round(time.Microsecond), el.Round(time.Microsecond),
		(workers * 100 * time.Microsecond / 4).Round(time.Millisecond))
}
