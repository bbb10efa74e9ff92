// slices: measure the real time slices of CPU-bound goroutines on one P.
//
// 4 goroutines each burn 100 ms of CPU as 500 chunks of sim.Work(200µs) and
// record a timestamp after every chunk. Two consecutive timestamps more than
// 1 ms apart mean the goroutine was descheduled in between; the runs between
// such gaps are its time slices. gmp-fidelity.md §10/§23.6 predicts ≈ 20 ms
// (forcePreemptNS = 10 ms, seen by a sysmon that ticks every 10 ms).
//
// Unlike the timeslice example, each chunk boundary is a function call, so
// even with GODEBUG=asyncpreemptoff=1 the goroutines are preempted
// (cooperatively, at the next call after sysmon's request).
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"gmplab/sim"
)

const (
	n      = 4
	chunks = 500
	chunk  = 200 * time.Microsecond
	gap    = time.Millisecond
)

type slice struct {
	g          int
	start, end time.Duration
}

func main() {
	runtime.GOMAXPROCS(1)
	sim.Calibrate()
	var stamps [n][chunks + 1]time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			stamps[i][0] = time.Since(start)
			for c := 1; c <= chunks; c++ {
				sim.Work(chunk)
				stamps[i][c] = time.Since(start)
			}
		}(i)
	}
	wg.Wait()

	var all []slice
	for i := 0; i < n; i++ {
		s := slice{g: i, start: stamps[i][0]}
		for c := 1; c <= chunks; c++ {
			if stamps[i][c]-stamps[i][c-1] > gap { // descheduled before chunk c
				s.end = stamps[i][c-1]
				all = append(all, s)
				s = slice{g: i, start: stamps[i][c] - chunk}
			}
		}
		s.end = stamps[i][chunks]
		all = append(all, s)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].start < all[b].start })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	var lens []float64
	fmt.Println("timeline (goroutine: start-end ms, length):")
	for _, s := range all {
		l := ms(s.end - s.start)
		lens = append(lens, l)
		fmt.Printf("  g%d: %7.1f-%7.1f  %5.1f\n", s.g, ms(s.start), ms(s.end), l)
	}
	sort.Float64s(lens)
	var end time.Duration // when the last goroutine finished
	for i := 0; i < n; i++ {
		if stamps[i][chunks] > end {
			end = stamps[i][chunks]
		}
	}
	// The last slice of each goroutine is cut short by its completion.
	fmt.Printf("slices=%d min=%.1fms median=%.1fms max=%.1fms total=%.1fms\n",
		len(lens), lens[0], lens[len(lens)/2], lens[len(lens)-1], ms(end))
}
