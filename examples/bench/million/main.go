// million: the speed benchmark of issue 3. Spawns 1,000,000 goroutines at
// GOMAXPROCS 4, each doing sim.Work(2 µs) of CPU, joined by a WaitGroup.
// bench/go-vs-sim.sh runs it on real Go and on the simulator and compares the
// wall times. stdout is the same on both; the elapsed time (real, or virtual in
// the simulator) goes to stderr.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"gmplab/sim"
)

const n = 1000000

func main() {
	runtime.GOMAXPROCS(4)
	sim.Calibrate()
	start := time.Now()
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			sim.Work(2 * time.Microsecond)
		}()
	}
	wg.Wait()
	fmt.Println("done", n)
	fmt.Fprintln(os.Stderr, "elapsed:", time.Since(start))
}
