// Eight CPU-bound goroutines of 2 ms each.
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
			sim.Work(2 * time.Millisecond)
		}()
	}
	wg.Wait()
}
