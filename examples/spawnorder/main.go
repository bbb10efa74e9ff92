// spawnorder: the "runnext" puzzle.
//
// On one P, main starts goroutines 0..9 and then blocks. Each `go` statement
// calls newproc → runqput(pp, newg, next=true): the new G takes P0's runnext
// slot and the G that was there is kicked to the TAIL of the local run queue.
// When main blocks, schedule() takes runnext first (the LAST one spawned),
// then the local queue in FIFO order.
//
// Expected on Go 1.19: 9 0 1 2 3 4 5 6 7 8
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println(i)
		}(i)
	}
	wg.Wait() // main parks ("semacquire"); the 10 goroutines run
}
