// oncedo: 10 goroutines race to initialise a shared value through sync.Once.
//
// Exactly one of them runs the function; the others block in once.Do (on the
// Once's mutex, "semacquire") until it returns, then all see the value.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	inits := 0
	config := ""
	results := make([]string, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(func() {
				inits++
				config = "loaded"
			})
			results[i] = config
		}(i)
	}
	wg.Wait()
	fmt.Println("inits:", inits)
	fmt.Println("results:", results)
}
