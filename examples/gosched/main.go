// gosched: runtime.Gosched puts the caller on the GLOBAL run queue
// (gosched_m → goschedImpl → globrunqput), not at the tail of the local one.
//
// Part 1 (one P):
//
//	main spawns A then B and blocks → B runs first (runnext), A is in the ring.
//	B prints, calls Gosched  → B goes to the global queue.
//	A runs and spawns C0..C4 → C4 in runnext, C0..C3 appended to the ring.
//	If Gosched used the local tail, B would run before C0..C3.
//	Because it uses the global queue, B runs only when the local queue is
//	empty (or at a schedtick%61 fairness check):
//	expected: B-before A C4 C0 C1 C2 C3 B-after
//
// Part 2 (one P): Y spawns 200 workers, then calls Gosched. Y goes to the
// global queue; the workers run from P0's local queue; Y comes back at the
// first findRunnable where schedtick%61 == 0 — after at most 61 workers, not
// after all 200. The exact number depends on P0's schedtick so far.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func part1() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // A
		defer wg.Done()
		fmt.Println("A")
		for i := 0; i < 5; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				fmt.Printf("C%d\n", i)
			}(i)
		}
	}()
	go func() { // B
		defer wg.Done()
		fmt.Println("B-before")
		runtime.Gosched()
		fmt.Println("B-after")
	}()
	wg.Wait()
}

func part2() {
	const workers = 200
	var wg sync.WaitGroup
	finished := 0 // only touched on the single P, by non-preempted short code
	var mu sync.Mutex
	wg.Add(1)
	go func() { // Y
		defer wg.Done()
		for i := 0; i < workers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				finished++
				mu.Unlock()
			}()
		}
		runtime.Gosched()
		mu.Lock()
		k := finished
		mu.Unlock()
		fmt.Printf("Y resumed after %d of %d workers (local queue not drained: %v)\n", k, workers, k < workers)
	}()
	wg.Wait()
}

func main() {
	runtime.GOMAXPROCS(1)
	part1()
	part2()
}
