// Three goroutines that end up in three different states.
package main

import (
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { // G6: computes
		defer wg.Done()
		sim.Work(2 * time.Millisecond)
	}()
	go func() { // G7: waits for a value
		defer wg.Done()
		<-ch
	}()
	go func() { // G8: a blocking system call
		defer wg.Done()
		sim.Syscall(3 * time.Millisecond)
	}()
	time.Sleep(1 * time.Millisecond) // main parks on a timer
	ch <- 1
	wg.Wait()
}
