// syscalls10: N goroutines each blocked 200 ms in a real blocking system call
// (sim.Syscall = nanosleep(2) via entersyscall/exitsyscall).
//
// Each blocked G keeps its M in the kernel. Its P sits in _Psyscall until
// sysmon's retake hands it off (handoffp → startm → a new M if none idle), so
// the thread count (schedtrace "threads=") grows to about N + the start-up
// threads, whatever GOMAXPROCS is. Idle Ms are never freed.
//
// N = 10, a constant: one program per setting (syscalls50 is the same program
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
			sim.Syscall(200 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("done", n)
}
