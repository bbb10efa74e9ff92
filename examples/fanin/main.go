// fanin: two producers, each on its own unbuffered channel, merged into one
// channel by two forwarding goroutines; main prints what arrives.
//
// runtime.GOMAXPROCS(1) makes the merge order reproducible on the real
// runtime; it is produced entirely by runnext hand-offs (goready puts the
// woken G in the waker's runnext) and the local queue order.
package main

import (
	"fmt"
	"runtime"
)

func producer(name string, n int) <-chan string {
	c := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			c <- fmt.Sprintf("%s%d", name, i)
		}
		close(c)
	}()
	return c
}

func fanIn(a, b <-chan string) <-chan string {
	out := make(chan string)
	done := make(chan bool)
	forward := func(c <-chan string) {
		for v := range c {
			out <- v
		}
		done <- true
	}
	go forward(a)
	go forward(b)
	go func() {
		<-done
		<-done
		close(out)
	}()
	return out
}

func main() {
	runtime.GOMAXPROCS(1)
	for v := range fanIn(producer("A", 4), producer("B", 4)) {
		fmt.Println(v)
	}
}
