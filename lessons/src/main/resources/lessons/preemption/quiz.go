// {{n}} CPU-bound goroutines of 50 ms each share one P.
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
		go func(n int) {
			defer wg.Done()
			sim.Work(50 * time.Millisecond) // a loop without function calls
			fmt.Println(n)
		}(i)
	}
	wg.Wait()
}
