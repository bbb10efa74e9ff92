// panic: an unrecovered panic in a goroutine kills the whole program
// (exit status 2), printing the panic value and the goroutine's stack.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m map[string]int
		fmt.Println("about to write to a nil map")
		m["x"] = 1 // panic: assignment to entry in nil map
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
