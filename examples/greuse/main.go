// greuse: goroutine (G struct) reuse.
//
// 10000 short goroutines are started in 100 waves of 100; each wave is
// waited for before the next. An exiting G goes to the P's free list
// (gfput, moving half to the global list at 64) and the next `go` reuses it
// (gfget) with a NEW goid. allgs never shrinks, so the number of G structs
// follows the PEAK number of live goroutines (~100 + runtime ones), not the
// 10000 ever created. Run with GODEBUG=schedtrace=50,scheddetail=1 and count
// the G lines of the last SCHED block; main sleeps at the end so that a block
// is printed after the waves.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const (
	waves   = 100
	perWave = 100
)

func main() {
	var total int64
	var mu sync.Mutex
	for w := 0; w < waves; w++ {
		var wg sync.WaitGroup
		for i := 0; i < perWave; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				mu.Lock()
				total += int64(i)
				mu.Unlock()
			}(i)
		}
		wg.Wait()
	}
	fmt.Println("spawned:", waves*perWave, "sum:", total)
	fmt.Println("NumGoroutine:", runtime.NumGoroutine())
	time.Sleep(120 * time.Millisecond) // let schedtrace print the final state
}
