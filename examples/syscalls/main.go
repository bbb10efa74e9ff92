// syscalls: N goroutines each blocked 200 ms in a real blocking system call
// (sim.Syscall = nanosleep(2) via entersyscall/exitsyscall).
//
// Each blocked G keeps its M in the kernel. Its P sits in _Psyscall until
// sysmon's retake hands it off (handoffp → startm → a new M if none idle), so
// the thread count (schedtrace "threads=") grows to about N + the start-up
// threads, whatever GOMAXPROCS is. Idle Ms are never freed.
//
// Usage: syscalls [N]   (default 10). GOMAXPROCS comes from the environment.
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
			sim.Syscall(200 * time.Millisecond)
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
