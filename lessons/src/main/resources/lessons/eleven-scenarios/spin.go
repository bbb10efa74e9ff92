// main spawns 8 goroutines, one every 500 µs, on 4 Ps.
package main

import (
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.Work(3 * time.Millisecond)
		}()
		sim.Work(500 * time.Microsecond)
	}
	wg.Wait()
}
