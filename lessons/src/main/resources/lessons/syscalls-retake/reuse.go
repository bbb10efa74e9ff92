// Two rounds of 5 goroutines in 5 ms blocking system calls, GOMAXPROCS=1.
package main

import (
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	var wg sync.WaitGroup
	for round := 0; round < 2; round++ {
		for i := 0; i < 5; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sim.Syscall(5 * time.Millisecond)
			}()
		}
		wg.Wait()
		fmt.Println("round", round)
	}
}
