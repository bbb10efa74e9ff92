// Ten goroutines wait 5 ms each (a blocking system call).
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
			sim.Syscall(5 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
