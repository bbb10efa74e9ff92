// netwait: N goroutines each parked ~200 ms in the netpoller
// (sim.NetWait: read on a loopback TCP connection whose peer writes later).
//
// The reader G parks with waitreason "IO wait"; its M is free at once.
// Netpoll wake-ups go through injectglist (not runnext). The thread count
// stays near its start-up value whatever N is.
//
// Usage: netwait [N]   (default 10). GOMAXPROCS comes from the environment.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"gmplab/sim"
)

func main() {
	n := 10
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
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
	fmt.Fprintln(os.Stderr, "final:", procThreads())
}

// procThreads returns the "Threads:" line of /proc/self/status (OS threads).
func procThreads() string {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Threads:") {
			return "os_threads=" + strings.TrimSpace(l[8:])
		}
	}
	return "n/a"
}
