// atomiccounter: 4 goroutines × 10000 increments with sync/atomic, next to a
// plain (racy) counter shared the same way.
//
// atomic.AddInt64 never blocks: no goroutine parks, so the scheduler only
// shows up through preemption. The atomic total is always 40000. The plain
// counter is not printed: with more than one P its value depends on timing
// (lost updates), which is the point of the lesson but not reproducible.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var total int64
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10000; i++ {
				atomic.AddInt64(&total, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("total:", atomic.LoadInt64(&total))
}
