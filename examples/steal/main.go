// steal: work stealing after a spawn burst.
//
// GOMAXPROCS(4). main (on some P, call it Pm) spawns 1000 short workers
// (sim.Work(100µs) each) and waits. Every `go` goes to Pm's runnext/local
// queue (overflowing to the global queue past 256) and calls wakep(), which
// starts ONE spinning M at a time; a spinning M that finds work calls
// resetspinning → wakep, so the other Ps join one by one and steal half of
// Pm's ring (runqsteal) or take from the global queue.
//
// Each worker records the OS thread (gettid) it ran on; stdout reports how the
// work was spread. schedtrace shows the per-P queues draining.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"time"

	"gmplab/sim"
)

const workers = 1000

func main() {
	runtime.GOMAXPROCS(4)
	sim.Calibrate()
	mainTid := syscall.Gettid()
	var tids [workers]int
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tids[i] = syscall.Gettid() // RawSyscall: no entersyscall
			sim.Work(100 * time.Microsecond)
		}(i)
	}
	spawned := time.Since(start)
	wg.Wait()
	el := time.Since(start)

	count := map[int]int{}
	for _, t := range tids {
		count[t]++
	}
	var per []int
	for _, c := range count {
		per = append(per, c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(per)))
	fmt.Printf("workers=%d threads-used=%d on-main-thread=%d per-thread=%v\n",
		workers, len(count), count[mainTid], per)
	fmt.Printf("spawn-burst=%v total=%v (ideal on 4 Ps: %v)\n",
		spawned.Round(time.Microsecond), el.Round(time.Microsecond),
		(workers * 100 * time.Microsecond / 4).Round(time.Millisecond))
}
