// Ten goroutines wait 5 ms each (a read on a socket whose peer answers after 5 ms).
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
			sim.NetWait(5 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
