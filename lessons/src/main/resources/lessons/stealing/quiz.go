// GOMAXPROCS=2: P1 is busy for 1 ms while main fills P0's queue.
package main

import (
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // stolen by P1 at once; keeps it busy for 1 ms
		defer wg.Done()
		sim.Work(1 * time.Millisecond)
	}()
	sim.Work(100 * time.Microsecond)
	for i := 0; i < {{n}}; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.Work(500 * time.Microsecond)
		}()
	}
	sim.Work(3 * time.Millisecond) // main keeps P0
	wg.Wait()
}
