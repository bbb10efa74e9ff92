// sleeps50: N goroutines each in time.Sleep(200 ms).
//
// time.Sleep parks the G ("sleep") with a timer on its P's heap; no M is
// held. When all goroutines sleep, the last M blocks in netpoll with a
// timeout = earliest timer. The thread count stays at its start-up value
// whatever N is.
//
// N = 50, a constant: one program per setting (sleeps10 is the same program
// with N = 10). GOMAXPROCS comes from the environment.
package main

import (
	"fmt"
	"sync"
	"time"
)

const n = 50

// Thread counts are read from GODEBUG=schedtrace=1 ("threads="), not from /proc.
func main() {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(200 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done", n)
}
