package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	active, maxActive := 0, 0
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			mu.Lock()
			active++
			if active > maxActive {
				maxActive = active
			}
			mu.Unlock()
			for j := 0; j < 1000; j++ {
			}
			mu.Lock()
			active--
			mu.Unlock()
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println("max active <= 3:", maxActive <= 3, "final", active)
}
