// A goroutine parks on P1; main, on P0, wakes it.
package main

import (
	"fmt"
	"time"

	"gmplab/sim"
)

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		v := <-ch // parks: nobody is sending yet
		fmt.Println("got", v)
		done <- true
	}()
	sim.Work(1 * time.Millisecond) // main keeps P0 busy; the goroutine starts elsewhere
	ch <- 42                       // wakes the receiver
	sim.Work(1 * time.Millisecond) // ...and keeps computing
	<-done                         // main blocks at once
}
