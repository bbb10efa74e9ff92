// mutexcounter: 4 goroutines × 10000 increments of a shared counter under a
// sync.Mutex. Contended waiters park in semacquire ("semacquire" in 1.19
// scheddetail); Unlock readies one into the unlocker's runnext.
// Output is deterministic: 40000.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10000; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter", counter)
}
