// {{n}} goroutines in 10 ms blocking system calls.
package main

import (
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < {{n}}; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.Syscall(10 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
