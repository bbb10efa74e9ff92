// main spawns 12 CPU-bound goroutines on 4 Ps: the idle Ps must steal.
package main

import (
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.Work(2 * time.Millisecond)
		}()
	}
	wg.Wait()
}
