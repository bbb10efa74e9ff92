// sleeps: N goroutines each in time.Sleep(200 ms).
//
// time.Sleep parks the G ("sleep") with a timer on its P's heap; no M is
// held. When all goroutines sleep, the last M blocks in netpoll with a
// timeout = earliest timer. The thread count stays at its start-up value
// whatever N is.
//
// Usage: sleeps [N]   (default 10). GOMAXPROCS comes from the environment.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
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
			time.Sleep(200 * time.Millisecond)
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
