// prodcons: one producer, two consumers, a buffered channel of capacity 3.
//
// runtime.GOMAXPROCS(1) makes the consumer interleaving reproducible on the
// real runtime. The producer fills the buffer, parks on a full buffer
// ("chan send"); a consumer's receive takes from the buffer, moves the
// parked sender's value into the freed slot and readies the producer.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	items := make(chan int, 3)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var log []string
	for c := 1; c <= 2; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for it := range items {
				mu.Lock()
				log = append(log, fmt.Sprintf("consumer %d got %d", c, it))
				mu.Unlock()
			}
		}(c)
	}
	go func() {
		for i := 0; i < 10; i++ {
			items <- i
		}
		close(items)
	}()
	wg.Wait()
	for _, l := range log {
		fmt.Println(l)
	}
}
