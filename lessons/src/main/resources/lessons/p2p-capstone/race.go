// Two `p2p listen` requests for the same protocol, each served by its own
// goroutine (as the daemon's API does). The blog-era check-then-register is
// not atomic: both can pass the check before either registers.
package main

import (
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

var registry []string

func protoExists(proto string) bool {
	for _, p := range registry {
		if p == proto {
			return true
		}
	}
	return false
}

func listen(proto string, wg *sync.WaitGroup) {
	defer wg.Done()
	if protoExists(proto) {
		fmt.Println("protocol handler already registered")
		return
	}
	sim.Work(20 * time.Microsecond) // set up the stream handler
	registry = append(registry, proto)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go listen("/x/echo/1.0.0", &wg)
	go listen("/x/echo/1.0.0", &wg)
	wg.Wait()
	fmt.Println("listeners:", len(registry))
}
