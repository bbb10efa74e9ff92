// Three goroutines: a short system call, then a long one, then some work. GOMAXPROCS=2.
package main

import (
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.Syscall(50 * time.Microsecond)
			sim.Syscall(5 * time.Millisecond)
			sim.Work(100 * time.Microsecond)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
