// selecttimeout: select between a result channel and time.After.
//
// The worker sleeps (timer on its P, G parked "sleep"); main parks in
// selectgo ("select") with a sudog on both channels. Whichever timer fires
// first readies main. Output is deterministic (the delays differ by 4x).
package main

import (
	"fmt"
	"time"
)

func slowCall(d time.Duration) <-chan string {
	c := make(chan string, 1) // buffered: the worker never blocks, never leaks
	go func() {
		time.Sleep(d)
		c <- fmt.Sprintf("result after %v", d)
	}()
	return c
}

func main() {
	for _, d := range []time.Duration{5 * time.Millisecond, 80 * time.Millisecond} {
		select {
		case r := <-slowCall(d):
			fmt.Println(r)
		case <-time.After(20 * time.Millisecond):
			fmt.Printf("timeout waiting for a %v call\n", d)
		}
	}
}
