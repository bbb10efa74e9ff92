// netwait10: N goroutines each parked ~200 ms in the netpoller
// (sim.NetWait: read on a loopback TCP connection whose peer writes later).
//
// The reader G parks with waitreason "IO wait"; its M is free at once.
// Netpoll wake-ups go through injectglist (not runnext). The thread count
// stays near its start-up value whatever N is.
//
// N = 10, a constant: one program per setting (netwait50 is the same program
// with N = 50). GOMAXPROCS comes from the environment.
package main

import (
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

const n = 10

// Thread counts are read from GODEBUG=schedtrace=1 ("threads="), not from /proc.
func main() {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sim.NetWait(200 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done", n)
}
