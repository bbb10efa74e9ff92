// overflow: filling the local run queue (capacity 256 + runnext) on one P.
//
// main spawns 300 goroutines, each printing its index, then blocks.
//   - each `go` puts the new G in runnext and pushes the previous one to the
//     tail of P0's ring;
//   - when the ring is full (256), runqputslow moves the 128 OLDEST Gs plus
//     the kicked G (129 in total) to the TAIL of the global queue;
//   - when main blocks, P0 runs runnext (the last one spawned), then its local
//     queue; every 61st schedtick findRunnable first takes ONE G from the
//     global queue (fairness); when the local queue is empty it takes a batch
//     of min(len/GOMAXPROCS+1, len, 128) from the global queue.
//
// Note (gmp-fidelity.md §2): a couple of runtime goroutines (bgsweep,
// bgscavenge, forcegc helper) may still sit in P0's local queue when
// main.main starts; they shift the overflow point by their number.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

const n = 300

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println(i)
		}(i)
	}
	wg.Wait()
}
