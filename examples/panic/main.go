// panic: an unrecovered panic in a goroutine kills the whole program
// (exit status 2), printing the panic value and the goroutine's stack.
//
// wg.Done is deliberately NOT deferred: deferred calls run while a goroutine
// panics, so a deferred Done would wake main, which could print before the
// runtime kills the process (a race: real Go printed "unreachable" in some
// runs). Without it the output is the same in every run.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		var m map[string]int
		fmt.Println("about to write to a nil map")
		m["x"] = 1 // panic: assignment to entry in nil map
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
