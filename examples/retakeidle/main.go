// retakeidle: how long does a runnable goroutine wait when the only P's M is
// blocked in a system call?
//
// One P. Each trial spawns W (goes to the local queue) and then S (goes to
// runnext, so it runs first). S records the time and enters a 20 ms blocking
// syscall. Its P is NOT handed off on entry (reentersyscall leaves it in
// _Psyscall); sysmon's retake must first see the same syscalltick on two
// ticks, then, because the P's local queue is not empty, it hands the P off
// (handoffp → startm) to another M, which runs W. W records the time: the
// difference is the retake latency, i.e. about one or two sysmon periods.
//
// sysmon sleeps 20 µs while it keeps retaking, but doubles its sleep after
// 50 idle rounds (up to 10 ms). Two programs, one per setting (the constant
// idle below):
//
//	retake       trials back to back (sysmon partly backed off by the 20 ms syscall)
//	retakeidle   100 ms of idleness before each trial
//
// Without GODEBUG=schedtrace, sysmon deep-sleeps while every P is idle and
// entersyscall wakes it (20 µs period again), so both modes give ~0.1–0.3 ms.
// With GODEBUG=schedtrace=N sysmon never deep-sleeps and backs off to a
// 10 ms period while idle: latencies of 5–20 ms.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"gmplab/sim"
)

const trials = 20

const idle = true // retake: false

func main() {
	runtime.GOMAXPROCS(1)
	var lat []time.Duration
	for t := 0; t < trials; t++ {
		if idle {
			time.Sleep(100 * time.Millisecond)
		}
		var enter, ran time.Time
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { // W: runnable, waiting for the P
			defer wg.Done()
			ran = time.Now()
		}()
		go func() { // S: runs first (runnext), blocks its M in the kernel
			defer wg.Done()
			enter = time.Now()
			sim.Syscall(20 * time.Millisecond)
		}()
		wg.Wait()
		lat = append(lat, ran.Sub(enter))
	}
	us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }
	fmt.Print("latencies_us:")
	for _, l := range lat {
		fmt.Printf(" %.0f", us(l))
	}
	fmt.Println()
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	fmt.Printf("stats: trials=%d min_us=%.0f median_us=%.0f max_us=%.0f\n",
		trials, us(lat[0]), us(lat[len(lat)/2]), us(lat[len(lat)-1]))
}
