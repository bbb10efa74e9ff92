// Ten goroutines in 20 ms blocking system calls, GOMAXPROCS=2, GODEBUG=schedtrace=1.
package main

import (
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.Syscall(20 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
