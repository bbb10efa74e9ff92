// 300 goroutines on one P: more than the local queue holds.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			if n%50 == 0 {
				fmt.Println(n)
			}
		}(i)
	}
	wg.Wait()
}
